package dev.autobench.arena.security;

import dev.autobench.arena.config.ArenaConfig;
import io.quarkus.runtime.LaunchMode;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {

    private static ArenaConfig config(String signingKey, String salt) {
        return (ArenaConfig) Proxy.newProxyInstance(ArenaConfig.class.getClassLoader(), new Class<?>[] {ArenaConfig.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "signingKey" -> Optional.ofNullable(signingKey);
                    case "ipHashSalt" -> Optional.ofNullable(salt);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void productionRefusesToStartWithoutAKey() {
        assertThatThrownBy(() -> new SigningKey(config(null, null), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTOBENCH_ARENA_SIGNING_KEY");
        assertThatThrownBy(() -> new SigningKey(config("too-short", null), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("at least 32");
    }

    @Test
    void developmentGetsARandomKeyPerProcess() {
        byte[] message = "m".getBytes(StandardCharsets.UTF_8);
        SigningKey one = new SigningKey(config(null, null), LaunchMode.DEVELOPMENT);
        SigningKey two = new SigningKey(config(null, null), LaunchMode.DEVELOPMENT);
        assertThat(one.sign(message)).isNotEqualTo(two.sign(message));
        assertThat(one.verify(message, one.sign(message))).isTrue();
        assertThat(two.verify(message, one.sign(message))).isFalse();
    }

    @Test
    void theIpHashDependsOnTheSaltAndIsNotTheAddress() {
        String key = "k".repeat(40);
        SigningKey a = new SigningKey(config(key, "salt-a"), LaunchMode.NORMAL);
        SigningKey b = new SigningKey(config(key, "salt-b"), LaunchMode.NORMAL);
        SigningKey derived = new SigningKey(config(key, null), LaunchMode.NORMAL);
        assertThat(a.hashIp("203.0.113.7")).isEqualTo(a.hashIp("203.0.113.7"))
                .isNotEqualTo(b.hashIp("203.0.113.7"))
                .isNotEqualTo(derived.hashIp("203.0.113.7"))
                .hasSize(32);
        assertThat(a.hashIp("203.0.113.7")).isNotEqualTo(a.hashIp("203.0.113.8"));
    }
}
