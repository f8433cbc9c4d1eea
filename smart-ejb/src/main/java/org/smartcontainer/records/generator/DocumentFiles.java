package org.smartcontainer.records.generator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The content of generated documents: plain-text letters and a minimal single-page PDF report. */
final class DocumentFiles {

    private DocumentFiles() {
    }

    /** UTF-8 bytes of a plain-text document. */
    static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A valid one-page PDF (1.4, Helvetica) showing the title and the lines; small and readable by any viewer,
     * with a correct cross-reference table.
     */
    static byte[] pdf(String title, List<String> lines) {
        StringBuilder content = new StringBuilder("BT /F1 16 Tf 56 780 Td (").append(escape(title)).append(") Tj ET\n");
        int y = 750;
        for (String line : lines) {
            content.append("BT /F1 11 Tf 56 ").append(y).append(" Td (").append(escape(line)).append(") Tj ET\n");
            y -= 16;
        }
        String stream = content.toString();
        List<String> objects = new ArrayList<>();
        objects.add("<< /Type /Catalog /Pages 2 0 R >>");
        objects.add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
        objects.add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                + "/Resources << /Font << /F1 5 0 R >> >> >>");
        objects.add("<< /Length " + stream.getBytes(StandardCharsets.ISO_8859_1).length + " >>\nstream\n" + stream
                + "endstream");
        objects.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");

        StringBuilder pdf = new StringBuilder("%PDF-1.4\n");
        int[] offsets = new int[objects.size()];
        for (int i = 0; i < objects.size(); i++) {
            offsets[i] = pdf.length(); // ASCII only, so characters == bytes
            pdf.append(i + 1).append(" 0 obj\n").append(objects.get(i)).append("\nendobj\n");
        }
        int xref = pdf.length();
        pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f \n");
        for (int offset : offsets) {
            pdf.append(String.format("%010d 00000 n \n", offset));
        }
        pdf.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n")
                .append(xref).append("\n%%EOF\n");
        return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c >= 32 && c < 127) {
                escaped.append(c);
            } else {
                escaped.append('?'); // the standard Helvetica encoding has no reliable glyph for it
            }
        }
        return escaped.toString();
    }
}
