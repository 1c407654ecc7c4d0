package org.bulletinsearch.catalog.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseFailuresTest {

    @Test
    void dataAndConstraintErrorsAreRefusedForGood() {
        assertThat(DatabaseFailures.isRefusedForGood(wrapped(new SQLException("value too long", "22001")))).isTrue();
        assertThat(DatabaseFailures.isRefusedForGood(wrapped(new SQLException("NUL", "22021")))).isTrue();
        assertThat(DatabaseFailures.isRefusedForGood(wrapped(new SQLException("check", "23514")))).isTrue();
        assertThat(DatabaseFailures.isRefusedForGood(wrapped(new SQLException("refused", "08001")))).isFalse();
        assertThat(DatabaseFailures.isRefusedForGood(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void connectionShutdownAndPoolErrorsMeanUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(wrapped(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new SQLException("terminating connection", "57P01")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(
                wrapped(new SQLException("Acquisition timeout while waiting for new connection")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(wrapped(new SQLException("value too long", "22001")))).isFalse();
    }

    @Test
    void reportsTheSqlStateOfTheDeepestSqlFailure() {
        RuntimeException failure = wrapped(new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021"));

        assertThat(DatabaseFailures.sqlState(failure)).isEqualTo("22021");
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("transaction failed", new IllegalStateException("statement failed", cause));
    }
}
