package org.smartcontainer.records.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ISO-8601 date or date-time prefix as SMART date filters use it ({@code 2010}, {@code 2010-05},
 * {@code 2010-05-17}, {@code 2010-05-17T10:30:00Z}), in the form that compares lexicographically: timestamps
 * with a zone offset are converted to UTC ({@code Z}) and fractional seconds are dropped; partial dates stay
 * partial, so that padding (api.md section 4.2) can widen them to the first or last instant of their period.
 */
public final class IsoDatePrefix {

    /** The earliest instant a partial date is padded towards. */
    public static final String LOWER_BOUND = "1900-01-01T00:00:00Z";
    /** The latest instant a partial date is padded towards. */
    public static final String UPPER_BOUND = "2999-12-31T23:59:59Z";

    private static final Pattern GRAMMAR = Pattern.compile(
            "(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(?:T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d{1,9})?)?"
                    + "(Z|[+-]\\d{2}:?\\d{2})?)?)?)?");
    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    private final String normalized;

    private IsoDatePrefix(String normalized) {
        this.normalized = normalized;
    }

    /** The value if it is a valid ISO-8601 date prefix (real calendar date, valid time and offset). */
    public static Optional<IsoDatePrefix> parse(String text) {
        Matcher m = GRAMMAR.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(2) == null) {
                return Optional.of(new IsoDatePrefix(m.group(1)));
            }
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                return Optional.empty();
            }
            if (m.group(3) == null) {
                return Optional.of(new IsoDatePrefix(m.group(1) + "-" + m.group(2)));
            }
            LocalDate date = LocalDate.of(year, month, Integer.parseInt(m.group(3)));
            if (m.group(4) == null) {
                return Optional.of(new IsoDatePrefix(date.toString()));
            }
            int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime local = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds);
            String zone = m.group(7);
            if (zone == null) {
                // No zone: keep the local time as written; minutes-only values stay a prefix.
                String hm = m.group(4) + ":" + m.group(5);
                String text19 = date + "T" + hm + (m.group(6) == null ? "" : ":" + m.group(6));
                return Optional.of(new IsoDatePrefix(text19));
            }
            ZoneOffset offset = zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(normalizeOffset(zone));
            String utc = OffsetDateTime.of(local, offset).withOffsetSameInstant(ZoneOffset.UTC).format(UTC_SECONDS);
            return Optional.of(new IsoDatePrefix(utc));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The comparable form of a date found in patient data: normalized when it is a valid prefix, else the text
     * unchanged (the reference compares raw strings, so odd data still sorts and filters somehow).
     */
    public static String comparableForm(String text) {
        return parse(text).map(IsoDatePrefix::normalized).orElse(text);
    }

    private static String normalizeOffset(String zone) {
        return zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone;
    }

    /** The normalized prefix, e.g. {@code 2010-05} or {@code 2010-05-17T09:30:00Z}. */
    public String normalized() {
        return normalized;
    }

    /** This prefix widened to its earliest instant ({@link #LOWER_BOUND} padding). */
    public String paddedLow() {
        return pad(normalized, LOWER_BOUND);
    }

    /** This prefix widened to its latest instant ({@link #UPPER_BOUND} padding). */
    public String paddedHigh() {
        return pad(normalized, UPPER_BOUND);
    }

    /** Appends the part of {@code bound} beyond the length of {@code value} (api.md section 4.2). */
    static String pad(String value, String bound) {
        return value.length() >= bound.length() ? value : value + bound.substring(value.length());
    }

    @Override
    public String toString() {
        return normalized;
    }
}
