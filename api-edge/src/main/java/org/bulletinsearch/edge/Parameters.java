package org.bulletinsearch.edge;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.events.TextForms;

/**
 * Parses request parameters into values every lower layer accepts, or throws
 * {@link InvalidParameterException} naming the parameter. One way for every endpoint of every service.
 *
 * <p>Ranges are those of the layers underneath: timestamps and dates between the years 1 and 9999
 * (PostgreSQL's {@code timestamptz} and the search engine's {@code date} both take them, and
 * {@code +999999999-12-31} no longer reaches them); text without control characters (PostgreSQL refuses
 * U+0000 in text) and in NFC, of a bounded length counted in code points.
 */
public final class Parameters {

    /** Earliest instant a timestamp or date parameter may name: 0001-01-01T00:00:00Z. */
    public static final Instant MIN_INSTANT = Instant.parse("0001-01-01T00:00:00Z");
    /** Latest instant a timestamp or date parameter may name: 9999-12-31T23:59:59.999Z. */
    public static final Instant MAX_INSTANT = Instant.parse("9999-12-31T23:59:59.999Z");

    private Parameters() {
    }

    /** A page size: {@code defaultSize} when absent, else an integer in 1..max. */
    public static int size(String parameter, String value, int defaultSize, int max) {
        return integer(parameter, value, defaultSize, 1, max);
    }

    /** An integer in {@code min..max}, {@code fallback} when absent or blank. */
    public static int integer(String parameter, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, parameter + " must be an integer between " + min + " and "
                    + max + ", was '" + abbreviate(value) + "'");
        }
        if (parsed < min || parsed > max) {
            throw new InvalidParameterException(parameter, parameter + " must be between " + min + " and " + max
                    + ", was " + parsed);
        }
        return (int) parsed;
    }

    /**
     * An RFC 3339 timestamp with an offset ({@code 2026-03-01T08:00:00Z}) or a date ({@code 2026-03-01},
     * meaning its first instant in UTC, or its last when {@code endOfDay}); null when absent.
     */
    public static Instant instant(String parameter, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            instant = text.length() <= 10 ? dayBoundary(LocalDate.parse(text), endOfDay)
                    : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw new InvalidParameterException(parameter, parameter + " must be a date (2026-03-01) or an RFC 3339"
                    + " timestamp (2026-03-01T08:00:00Z), was '" + abbreviate(value) + "'");
        }
        if (instant.isBefore(MIN_INSTANT) || instant.isAfter(MAX_INSTANT)) {
            throw new InvalidParameterException(parameter, parameter + " must lie between the years 1 and 9999, was '"
                    + abbreviate(value) + "'");
        }
        return instant;
    }

    private static Instant dayBoundary(LocalDate day, boolean endOfDay) {
        Instant start = day.atStartOfDay().toInstant(ZoneOffset.UTC);
        return endOfDay ? start.plusMillis(86_399_999) : start;
    }

    /**
     * Free text (a query, a filter value): NFC, tabs and line ends as spaces, no other control characters,
     * at most {@code maxCodePoints} code points; null when absent. Blank text is refused only when {@code allowBlank} is false.
     */
    public static String text(String parameter, String value, int maxCodePoints, boolean allowBlank) {
        if (value == null) {
            return null;
        }
        if (!allowBlank && value.isBlank()) {
            throw new InvalidParameterException(parameter, parameter + " must not be blank");
        }
        // Tabs and line ends are what a pasted query carries: they mean spaces. Any other control character
        // (U+0000 first of all, which PostgreSQL refuses) is refused.
        String spaced = value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
        if (spaced.codePoints().anyMatch(Parameters::isControl)) {
            throw new InvalidParameterException(parameter, parameter + " must not contain control characters"
                    + " (such as U+0000)");
        }
        String text = TextForms.nfc(spaced);
        int length = text.codePointCount(0, text.length());
        if (length > maxCodePoints) {
            throw new InvalidParameterException(parameter, parameter + " must be at most " + maxCodePoints
                    + " characters, was " + length);
        }
        return text;
    }

    /** Every value of a repeatable text parameter, each checked as {@link #text}; at most {@code maxValues}. */
    public static List<String> texts(String parameter, List<String> values, int maxCodePoints, int maxValues) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        if (values.size() > maxValues) {
            throw new InvalidParameterException(parameter, parameter + " may be given at most " + maxValues + " times");
        }
        List<String> result = new ArrayList<>(values.size());
        for (String value : values) {
            result.add(text(parameter, value, maxCodePoints, false));
        }
        return List.copyOf(result);
    }

    /** One of {@code allowed} (case-insensitive), {@code fallback} when absent. */
    public static <E extends Enum<E>> E choice(String parameter, String value, Class<E> type, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().replace('_', '-').equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        throw new InvalidParameterException(parameter, parameter + " must be one of " + String.join(", ", names)
                + ", was '" + abbreviate(value) + "'");
    }

    /** Whether a code point is a control character (Unicode category Cc: U+0000–U+001F, U+007F–U+009F). */
    public static boolean isControl(int codePoint) {
        return Character.getType(codePoint) == Character.CONTROL;
    }

    /** The value itself when short, else its first 40 characters (never half a character) and "...". */
    public static String abbreviate(String value) {
        if (value == null) {
            return "";
        }
        String visible = value.codePoints().map(cp -> isControl(cp) ? '?' : cp)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return visible.length() <= 40 ? visible : TextForms.truncate(visible, 40) + "...";
    }
}
