package org.bulletinsearch.search.page;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How the pages write times: days and minutes in UTC, the zone the platform records them in. */
final class Dates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter
            .ofPattern("d MMM uuuu, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private Dates() {
    }

    /** {@code 25 Nov 2026}. */
    static String day(Instant at) {
        return DAY.format(at);
    }

    /** {@code 25 Nov 2026, 10:15 UTC}. */
    static String minute(Instant at) {
        return MINUTE.format(at);
    }

    /** {@code 2026-11-25}, for {@code <time datetime>}. */
    static String isoDay(Instant at) {
        return ISO_DAY.format(at);
    }
}
