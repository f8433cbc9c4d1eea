package org.smartcontainer.records.generator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG "photograph": the patient's initials in a 5x7 pixel font on a coloured square. Encoded by hand
 * (no AWT, so it works on any headless server without fonts) and cached per initials and colour, since many
 * patients share them.
 */
final class InitialsAvatar {

    static final int SIZE = 64;
    private static final int SCALE = 4;
    private static final int[][] GLYPHS = {
        {0b01110, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001}, // A
        {0b11110, 0b10001, 0b10001, 0b11110, 0b10001, 0b10001, 0b11110}, // B
        {0b01110, 0b10001, 0b10000, 0b10000, 0b10000, 0b10001, 0b01110}, // C
        {0b11110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b11110}, // D
        {0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b11111}, // E
        {0b11111, 0b10000, 0b10000, 0b11110, 0b10000, 0b10000, 0b10000}, // F
        {0b01110, 0b10001, 0b10000, 0b10111, 0b10001, 0b10001, 0b01111}, // G
        {0b10001, 0b10001, 0b10001, 0b11111, 0b10001, 0b10001, 0b10001}, // H
        {0b01110, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b01110}, // I
        {0b00111, 0b00010, 0b00010, 0b00010, 0b00010, 0b10010, 0b01100}, // J
        {0b10001, 0b10010, 0b10100, 0b11000, 0b10100, 0b10010, 0b10001}, // K
        {0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b10000, 0b11111}, // L
        {0b10001, 0b11011, 0b10101, 0b10101, 0b10001, 0b10001, 0b10001}, // M
        {0b10001, 0b10001, 0b11001, 0b10101, 0b10011, 0b10001, 0b10001}, // N
        {0b01110, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110}, // O
        {0b11110, 0b10001, 0b10001, 0b11110, 0b10000, 0b10000, 0b10000}, // P
        {0b01110, 0b10001, 0b10001, 0b10001, 0b10101, 0b10010, 0b01101}, // Q
        {0b11110, 0b10001, 0b10001, 0b11110, 0b10100, 0b10010, 0b10001}, // R
        {0b01111, 0b10000, 0b10000, 0b01110, 0b00001, 0b00001, 0b11110}, // S
        {0b11111, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100, 0b00100}, // T
        {0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01110}, // U
        {0b10001, 0b10001, 0b10001, 0b10001, 0b10001, 0b01010, 0b00100}, // V
        {0b10001, 0b10001, 0b10001, 0b10101, 0b10101, 0b10101, 0b01010}, // W
        {0b10001, 0b10001, 0b01010, 0b00100, 0b01010, 0b10001, 0b10001}, // X
        {0b10001, 0b10001, 0b01010, 0b00100, 0b00100, 0b00100, 0b00100}, // Y
        {0b11111, 0b00001, 0b00010, 0b00100, 0b01000, 0b10000, 0b11111}, // Z
    };
    private static final int[] BACKGROUNDS = {0x2E6F95, 0x3C8D5A, 0x8E4F9E, 0xB5553C, 0x4A5A8C, 0x2F8C8C,
        0x9C6B2F, 0x6B7F2A};
    private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

    private InitialsAvatar() {
    }

    /** The PNG bytes for the initials of the given names, on one of a few background colours. */
    static byte[] png(String givenName, String familyName) {
        String initials = initial(givenName) + initial(familyName);
        int colour = BACKGROUNDS[Math.floorMod((givenName + familyName).hashCode(), BACKGROUNDS.length)];
        return CACHE.computeIfAbsent(initials + colour, key -> render(initials, colour));
    }

    private static String initial(String name) {
        char c = name.isEmpty() ? 'X' : Character.toUpperCase(name.charAt(0));
        return c >= 'A' && c <= 'Z' ? String.valueOf(c) : "X";
    }

    private static byte[] render(String initials, int background) {
        int rowBytes = 1 + SIZE * 3;
        byte[] raw = new byte[SIZE * rowBytes];
        for (int y = 0; y < SIZE; y++) {
            raw[y * rowBytes] = 0; // filter type "None"
            for (int x = 0; x < SIZE; x++) {
                setPixel(raw, rowBytes, x, y, background);
            }
        }
        int glyphWidth = 5 * SCALE;
        int gap = SCALE;
        int left = (SIZE - (initials.length() * glyphWidth + (initials.length() - 1) * gap)) / 2;
        int top = (SIZE - 7 * SCALE) / 2;
        for (int i = 0; i < initials.length(); i++) {
            int[] glyph = GLYPHS[initials.charAt(i) - 'A'];
            int originX = left + i * (glyphWidth + gap);
            for (int row = 0; row < 7; row++) {
                for (int col = 0; col < 5; col++) {
                    if ((glyph[row] >> (4 - col) & 1) == 1) {
                        for (int dy = 0; dy < SCALE; dy++) {
                            for (int dx = 0; dx < SCALE; dx++) {
                                setPixel(raw, rowBytes, originX + col * SCALE + dx, top + row * SCALE + dy,
                                        0xFFFFFF);
                            }
                        }
                    }
                }
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream(512);
        png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
        byte[] header = new byte[13];
        putInt(header, 0, SIZE);
        putInt(header, 4, SIZE);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: truecolour RGB
        chunk(png, "IHDR", header);
        chunk(png, "IDAT", deflate(raw));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void setPixel(byte[] raw, int rowBytes, int x, int y, int rgb) {
        int offset = y * rowBytes + 1 + x * 3;
        raw[offset] = (byte) (rgb >> 16);
        raw[offset + 1] = (byte) (rgb >> 8);
        raw[offset + 2] = (byte) rgb;
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 8);
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] length = new byte[4];
        putInt(length, 0, data.length);
        png.writeBytes(length);
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        png.writeBytes(typeBytes);
        png.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        byte[] crcBytes = new byte[4];
        putInt(crcBytes, 0, (int) crc.getValue());
        png.writeBytes(crcBytes);
    }

    private static void putInt(byte[] target, int offset, int value) {
        target[offset] = (byte) (value >>> 24);
        target[offset + 1] = (byte) (value >>> 16);
        target[offset + 2] = (byte) (value >>> 8);
        target[offset + 3] = (byte) value;
    }
}
