package org.bulletinsearch.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void acceptsEveryConfiguredKeyAndNothingElse() {
        ApiKeys keys = new ApiKeys(Optional.of(" first-key , second-key,,"));

        assertThat(keys.accepts("first-key")).isTrue();
        assertThat(keys.accepts("second-key")).isTrue();
        assertThat(keys.accepts("first-key ")).isFalse();
        assertThat(keys.accepts("first")).isFalse();
        assertThat(keys.accepts("")).isFalse();
        assertThat(keys.accepts(null)).isFalse();
    }

    @Test
    void withoutKeysNothingIsAccepted() {
        ApiKeys keys = new ApiKeys(Optional.empty());

        assertThat(keys.isConfigured()).isFalse();
        assertThat(keys.accepts("")).isFalse();
        assertThat(new ApiKeys(Optional.of(" , ")).isConfigured()).isFalse();
    }

    @Test
    void productionRefusesToStartWithoutKey() {
        assertThatThrownBy(() -> ApiKeys.check(LaunchMode.NORMAL, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("INGEST_API_KEY");
        assertThatCode(() -> ApiKeys.check(LaunchMode.NORMAL, true)).doesNotThrowAnyException();
        assertThatCode(() -> ApiKeys.check(LaunchMode.DEVELOPMENT, false)).doesNotThrowAnyException();
        assertThatCode(() -> ApiKeys.check(LaunchMode.TEST, false)).doesNotThrowAnyException();
    }
}
