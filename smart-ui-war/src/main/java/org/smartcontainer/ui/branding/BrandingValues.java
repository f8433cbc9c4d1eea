package org.smartcontainer.ui.branding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks that keep configured branding harmless: a colour is used only if it is a hex colour
 * on which white text meets WCAG AA contrast, a logo only if its URL is http(s) or a path on this server,
 * and texts are trimmed to a sane length (pages escape them).
 */
public final class BrandingValues {

    /** The portal's own blue: contrast 8.6:1 with white. */
    public static final String DEFAULT_PRIMARY_COLOR = "#1d4f91";

    /** The product name, used when no portal name is configured. */
    public static final String DEFAULT_NAME = "SMART Container EE";

    /** WCAG 2.1 AA contrast for normal text. */
    static final double AA_CONTRAST = 4.5;

    private static final Pattern HEX = Pattern.compile("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");

    private BrandingValues() {
    }

    /** The colour as {@code #rrggbb} (lower case) if it is a hex colour dark enough for white text, else empty. */
    public static Optional<String> primaryColor(String configured) {
        if (configured == null || !HEX.matcher(configured.strip()).matches()) {
            return Optional.empty();
        }
        String hex = configured.strip().substring(1).toLowerCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        String color = "#" + hex;
        return contrastWithWhite(color) >= AA_CONTRAST ? Optional.of(color) : Optional.empty();
    }

    /** WCAG contrast ratio of white text on this {@code #rrggbb} colour. */
    static double contrastWithWhite(String color) {
        double l = relativeLuminance(color);
        return (1.0 + 0.05) / (l + 0.05);
    }

    private static double relativeLuminance(String color) {
        int rgb = Integer.parseInt(color.substring(1), 16);
        return 0.2126 * channel((rgb >> 16) & 0xff) + 0.7152 * channel((rgb >> 8) & 0xff) + 0.0722 * channel(rgb & 0xff);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }

    /** The logo URL if it is an absolute http(s) URL or a path on this server (not {@code //host}), else empty. */
    public static Optional<String> logoUrl(String configured) {
        if (configured == null || configured.isBlank()) {
            return Optional.empty();
        }
        String url = configured.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null) {
                return url.startsWith("/") && !url.startsWith("//") ? Optional.of(url) : Optional.empty();
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            return (s.equals("https") || s.equals("http")) && uri.getHost() != null ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** A configured text without surrounding blanks, at most {@code max} characters; empty stays empty. */
    public static String text(String configured, int max) {
        if (configured == null) {
            return "";
        }
        String t = configured.strip();
        return t.length() <= max ? t : t.substring(0, max);
    }
}
