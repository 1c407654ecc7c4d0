package org.bulletinsearch.infra;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A JVM heap size as {@code -Xmx} takes it: a whole number with a unit, {@code k}, {@code m} or {@code g}
 * (either case), such as {@code 512m} or {@code 1g}.
 *
 * @param text  the size as given, lower-cased, without spaces (what goes after {@code -Xmx})
 * @param bytes the size in bytes
 */
public record HeapSize(String text, long bytes) {

    private static final Pattern SIZE = Pattern.compile("([1-9][0-9]{0,6})([kmg])");
    /** The smallest heap any of the three servers is given; less is surely a typo (such as {@code 1m}). */
    static final long MINIMUM_BYTES = 64L << 20;

    /**
     * Parses a size such as {@code 1g}.
     *
     * @throws IllegalArgumentException naming the value when it is not a whole number with a unit k, m or g, or is
     *                                  below 64 MB
     */
    public static HeapSize parse(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Matcher size = SIZE.matcher(text);
        if (!size.matches()) {
            throw new IllegalArgumentException("'" + value + "' is not a heap size (a whole number and k, m or g,"
                    + " such as 512m or 1g)");
        }
        int shift = switch (size.group(2)) {
            case "k" -> 10;
            case "m" -> 20;
            default -> 30;
        };
        long bytes = Long.parseLong(size.group(1)) << shift;
        if (bytes < MINIMUM_BYTES) {
            throw new IllegalArgumentException("heap size '" + value + "' is below 64m");
        }
        return new HeapSize(text, bytes);
    }

    @Override
    public String toString() {
        return text;
    }

    /** For a command-line option that takes a heap size: a wrong one is a usage error that says why. */
    public static final class Converter implements ITypeConverter<HeapSize> {
        @Override
        public HeapSize convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
