package dev.autobench.arena.security;

import dev.autobench.arena.config.ArenaConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The server's HMAC-SHA256 key for voter cookies, vote tokens and the IP hash. Production must
 * configure it (every replica has to verify what another one signed, and a restart must not
 * invalidate every visitor); elsewhere a random per-process key is generated with a warning.
 */
@Startup // a production pod without a key must fail at start, not at its first visitor
@ApplicationScoped
public class SigningKey {

    static final int MIN_KEY_LENGTH = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Logger LOG = Logger.getLogger(SigningKey.class);

    private final SecretKeySpec signing;
    private final SecretKeySpec ipSalt;

    @Inject
    public SigningKey(ArenaConfig config) {
        this(config, LaunchMode.current());
    }

    SigningKey(ArenaConfig config, LaunchMode mode) {
        byte[] key = config.signingKey().filter(k -> !k.isBlank())
                .map(k -> k.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
        if (key != null && key.length < MIN_KEY_LENGTH && mode == LaunchMode.NORMAL) {
            throw new IllegalStateException("AUTOBENCH_ARENA_SIGNING_KEY must be at least " + MIN_KEY_LENGTH
                    + " characters in production");
        }
        if (key == null) {
            if (mode == LaunchMode.NORMAL) {
                throw new IllegalStateException("AUTOBENCH_ARENA_SIGNING_KEY must be set in production: voter cookies"
                        + " and vote tokens must verify on every replica and survive restarts");
            }
            LOG.warn("AUTOBENCH_ARENA_SIGNING_KEY is not set: using a random per-process key; voter cookies and"
                    + " vote tokens will not survive a restart nor verify on another replica");
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        }
        this.signing = new SecretKeySpec(key, ALGORITHM);
        SecretKeySpec signingKey = this.signing;
        byte[] salt = config.ipHashSalt().filter(s -> !s.isBlank())
                .map(s -> s.getBytes(StandardCharsets.UTF_8))
                // a salt derived from the key is still secret; a separate one lets the two rotate apart
                .orElseGet(() -> mac(signingKey, "autobench-ip-hash-salt".getBytes(StandardCharsets.UTF_8)));
        this.ipSalt = new SecretKeySpec(salt, ALGORITHM);
    }

    /** HMAC-SHA256 of {@code message} under the signing key. */
    public byte[] sign(byte[] message) {
        return mac(signing, message);
    }

    /** Constant-time check of a signature made by {@link #sign}. */
    public boolean verify(byte[] message, byte[] signature) {
        return signature != null && MessageDigest.isEqual(sign(message), signature);
    }

    /** Keyed hash of an IP address: linkable within this deployment, useless to anyone without the salt. */
    public byte[] hashIp(String ip) {
        return mac(ipSalt, ip.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] mac(SecretKeySpec key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
