package org.bulletinsearch.search.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.bulletinsearch.search.query.SearchCursor.InvalidCursorException;

/**
 * Turns raw query parameters into a {@link SearchCriteria}, refusing what the API cannot use with an
 * {@link InvalidParameterException} (a 400). Parameters arrive as strings on purpose: JAX-RS would
 * answer a non-numeric {@code size} with 404.
 */
public final class SearchParameters {

    static final int MAX_FILTER_VALUES = 50;
    static final int MAX_FILTER_VALUE_LENGTH = 255;
    static final int MAX_PREFIX_LENGTH = 200;

    private final QueryConfig config;

    public SearchParameters(QueryConfig config) {
        this.config = config;
    }

    public SearchCriteria criteria(String q, List<String> sourceNames, List<String> uploadIds, String from, String to,
            String sort, String size, String cursor) {
        UserQuery query = query(q);
        SortOrder order = sort == null || sort.isBlank()
                ? (query == null ? SortOrder.DATE : SortOrder.RELEVANCE)
                : SortOrder.fromParameter(sort.strip().toLowerCase()).orElseThrow(() -> new InvalidParameterException("sort",
                        "unknown sort '" + abbreviate(sort) + "'; use one of: " + SortOrder.allowed()));
        Instant ingestedFrom = time("from", from, false);
        Instant ingestedTo = time("to", to, true);
        if (ingestedFrom != null && ingestedTo != null && ingestedFrom.isAfter(ingestedTo)) {
            throw new InvalidParameterException("from", "from (" + ingestedFrom + ") is after to (" + ingestedTo + ")");
        }
        SearchCursor after = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = SearchCursor.decode(cursor);
            } catch (InvalidCursorException e) {
                throw new InvalidParameterException("cursor", "malformed cursor (" + e.getMessage()
                        + "); pass the nextCursor of a previous page unchanged");
            }
            if (after.sort() != order) {
                throw new InvalidParameterException("cursor", "the cursor belongs to sort=" + after.sort().parameter()
                        + ", not sort=" + order.parameter());
            }
        }
        return new SearchCriteria(query, values("sourceName", sourceNames), values("uploadId", uploadIds), ingestedFrom,
                ingestedTo, order, size("size", size, config.defaultSize(), 0, config.maxSize()), after);
    }

    /** The parsed query, or null when {@code q} is absent or blank (browse). */
    public UserQuery query(String q) {
        if (q == null || q.isBlank()) {
            return null;
        }
        if (q.length() > config.maxQueryLength()) {
            throw new InvalidParameterException("q", "the query has " + q.length() + " characters; at most "
                    + config.maxQueryLength() + " are accepted");
        }
        UserQuery query = UserQuery.parse(q);
        if (query.termCount() > config.maxTerms()) {
            throw new InvalidParameterException("q", "the query has " + query.termCount() + " words; at most "
                    + config.maxTerms() + " are accepted");
        }
        return query;
    }

    /** A suggestion prefix: stripped, empty when blank, refused when absurdly long. */
    public String prefix(String q) {
        if (q == null) {
            return "";
        }
        if (q.length() > MAX_PREFIX_LENGTH) {
            throw new InvalidParameterException("q", "a suggestion prefix has at most " + MAX_PREFIX_LENGTH + " characters");
        }
        return q.strip();
    }

    public static int size(String parameter, String raw, int defaultSize, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return defaultSize;
        }
        int value;
        try {
            value = Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(parameter, parameter + " must be a whole number between " + min + " and " + max);
        }
        if (value < min || value > max) {
            throw new InvalidParameterException(parameter, parameter + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static Instant time(String parameter, String raw, boolean upperBound) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String value = raw.strip();
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate day = LocalDate.parse(value);
                // A day as upper bound includes the whole day.
                return upperBound ? day.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).minusMillis(1)
                        : day.atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADay) {
                throw new InvalidParameterException(parameter, parameter + " must be an ISO-8601 day (2024-10-07) or instant"
                        + " (2024-10-07T08:30:00Z), was '" + abbreviate(value) + "'");
            }
        }
    }

    static List<String> values(String parameter, List<String> raw) {
        List<String> values = new ArrayList<>();
        if (raw == null) {
            return values;
        }
        for (String value : raw) {
            if (value == null || value.isBlank()) {
                continue;
            }
            if (value.length() > MAX_FILTER_VALUE_LENGTH) {
                throw new InvalidParameterException(parameter, parameter + " values have at most " + MAX_FILTER_VALUE_LENGTH
                        + " characters");
            }
            values.add(value);
        }
        if (values.size() > MAX_FILTER_VALUES) {
            throw new InvalidParameterException(parameter, "at most " + MAX_FILTER_VALUES + " " + parameter + " values");
        }
        return values;
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
