package org.bulletinsearch.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysAreAcceptedByValueAndNamedForAudits() {
        ApiKeys keys = new ApiKeys(Optional.of(" ops:s3cret-one , plain-two ,,"), false);
        assertThat(keys.nameOf("s3cret-one")).contains("ops");
        assertThat(keys.nameOf("plain-two")).contains("key-2");
        assertThat(keys.accepts("ops:s3cret-one")).isFalse();
        assertThat(keys.accepts("nope")).isFalse();
        assertThat(keys.accepts(null)).isFalse();
    }

    @Test
    void aServiceThatRequiresAKeyRefusesToStartWithoutOneInProductionOnly() {
        assertThatThrownBy(() -> ApiKeys.check(LaunchMode.NORMAL, true, false)).hasMessageContaining("INGEST_API_KEY");
        ApiKeys.check(LaunchMode.NORMAL, false, false);
        ApiKeys.check(LaunchMode.DEVELOPMENT, true, false);
        ApiKeys.check(LaunchMode.NORMAL, true, true);
    }
}
