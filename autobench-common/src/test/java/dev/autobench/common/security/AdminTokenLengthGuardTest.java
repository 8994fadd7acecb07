package dev.autobench.common.security;

import dev.autobench.common.config.AutobenchSecurityConfig;
import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A production service refuses to start with a short admin token, as it does with a short cron secret. */
class AdminTokenLengthGuardTest {

    static final String LONG = "a-long-enough-secret-0123";

    @Test
    void aShortAdminTokenStopsAProductionService() {
        assertThatThrownBy(() -> SecretsGuard.check(config(LONG, "admin123"), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTOBENCH_ADMIN_TOKEN")
                .hasMessageNotContaining("admin123");
        assertThatThrownBy(() -> SecretsGuard.check(config(LONG, "x".repeat(15)), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aLongOrAbsentAdminTokenIsAccepted() {
        assertThatCode(() -> SecretsGuard.check(config(LONG, "x".repeat(16)), LaunchMode.NORMAL)).doesNotThrowAnyException();
        assertThatCode(() -> SecretsGuard.check(config(LONG, null), LaunchMode.NORMAL)).doesNotThrowAnyException();
        // tests and dev runs may use whatever they like
        assertThatCode(() -> SecretsGuard.check(config(LONG, "short"), LaunchMode.TEST)).doesNotThrowAnyException();
    }

    @Test
    void aShortCronSecretStillStopsAProductionService() {
        assertThatThrownBy(() -> SecretsGuard.check(config("short", LONG), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTOBENCH_CRON_SECRET");
    }

    private static AutobenchSecurityConfig config(String cron, String admin) {
        return new AutobenchSecurityConfig() {
            @Override
            public Optional<String> cronSecret() {
                return Optional.ofNullable(cron);
            }

            @Override
            public Optional<String> adminToken() {
                return Optional.ofNullable(admin);
            }
        };
    }
}
