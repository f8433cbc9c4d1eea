package org.smartcontainer.appdata;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * What a scratchpad or preferences slot holds, as the API returns it.
 *
 * @param data the bytes (empty when nothing is stored)
 * @param mediaType the media type they were stored with ({@code text/plain} when nothing is stored)
 * @param present whether anything is stored
 */
public record StoredData(byte[] data, String mediaType, boolean present) {

    /** What an empty slot reads as: no bytes, {@code text/plain} (api.md section 5: never 404). */
    public static final StoredData EMPTY = new StoredData(new byte[0], "text/plain", false);

    /** A strong entity tag of the content and media type (quoted, for the {@code ETag} header). */
    public String etag() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(mediaType.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(data);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest()).substring(0, 27) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    /**
     * Whether an {@code If-Match} header admits a change: absent always; {@code *} if something is stored;
     * otherwise one of its tags equals {@link #etag()}.
     */
    public boolean matches(String ifMatch) {
        if (ifMatch == null) {
            return true;
        }
        String current = etag();
        for (String tag : ifMatch.split(",")) {
            String t = tag.strip();
            if (t.equals("*") ? present : t.equals(current)) {
                return true;
            }
        }
        return false;
    }
}
