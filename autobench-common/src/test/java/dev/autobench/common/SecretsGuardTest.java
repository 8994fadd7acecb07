package dev.autobench.common.security;

import dev.autobench.common.config.AutobenchSecurityConfig;
import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretsGuardTest {

    private static AutobenchSecurityConfig config(String cronSecret) {
        return new AutobenchSecurityConfig() {
            @Override
            public Optional<String> cronSecret() {
                return Optional.ofNullable(cronSecret);
            }

            @Override
            public Optional<String> adminToken() {
                return Optional.empty();
            }
        };
    }

    @Test
    void productionRefusesToStartWithoutASecret() {
        assertThatThrownBy(() -> SecretsGuard.check(config(null), LaunchMode.NORMAL))
                .hasMessageContaining("AUTOBENCH_CRON_SECRET");
        assertThatThrownBy(() -> SecretsGuard.check(config("short"), LaunchMode.NORMAL))
                .hasMessageContaining("AUTOBENCH_CRON_SECRET");
    }

    @Test
    void productionStartsWithALongSecretAndDevWithout() {
        assertThatCode(() -> SecretsGuard.check(config("a-long-enough-secret-value"), LaunchMode.NORMAL)).doesNotThrowAnyException();
        assertThatCode(() -> SecretsGuard.check(config(null), LaunchMode.DEVELOPMENT)).doesNotThrowAnyException();
    }

    @Test
    void comparisonNeedsAConfiguredSecret() {
        org.assertj.core.api.Assertions.assertThat(SecretComparison.matches(Optional.empty(), "")).isFalse();
        org.assertj.core.api.Assertions.assertThat(SecretComparison.matches(Optional.of(""), "")).isFalse();
        org.assertj.core.api.Assertions.assertThat(SecretComparison.matches(Optional.of("abc"), "abc")).isTrue();
        org.assertj.core.api.Assertions.assertThat(SecretComparison.matches(Optional.of("abc"), "abd")).isFalse();
    }
}
