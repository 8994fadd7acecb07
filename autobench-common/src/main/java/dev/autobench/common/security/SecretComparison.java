package dev.autobench.common.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/** Secret checks that take the same time whatever the guess, so timing leaks nothing. */
public final class SecretComparison {

    private SecretComparison() {
    }

    /** True only when a non-blank secret is configured and the presented value equals it. */
    public static boolean matches(Optional<String> configured, String presented) {
        if (configured.isEmpty() || configured.get().isBlank() || presented == null) {
            return false;
        }
        return MessageDigest.isEqual(
                configured.get().getBytes(StandardCharsets.UTF_8),
                presented.getBytes(StandardCharsets.UTF_8));
    }
}
