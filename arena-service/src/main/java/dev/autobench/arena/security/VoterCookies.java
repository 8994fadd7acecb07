package dev.autobench.arena.security;

import dev.autobench.arena.config.ArenaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The anonymous voter: a random 128-bit id in an HttpOnly cookie, {@code <id>.<hmac>}, so that a
 * client can neither choose nor guess another voter's id.
 */
@ApplicationScoped
public class VoterCookies {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final byte[] DOMAIN = "voter:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();

    @Inject
    SigningKey key;

    @Inject
    ArenaConfig config;

    public String cookieName() {
        return config.cookie().name();
    }

    /** The voter a cookie value proves, or empty when it is absent or was not signed by us. */
    public Optional<Voter> verify(String cookieValue) {
        if (cookieValue == null) {
            return Optional.empty();
        }
        int dot = cookieValue.indexOf('.');
        if (dot <= 0 || dot != cookieValue.lastIndexOf('.')) {
            return Optional.empty();
        }
        try {
            byte[] id = B64D.decode(cookieValue.substring(0, dot));
            byte[] signature = B64D.decode(cookieValue.substring(dot + 1));
            if (id.length != 16 || !key.verify(signed(id), signature)) {
                return Optional.empty();
            }
            ByteBuffer buffer = ByteBuffer.wrap(id);
            return Optional.of(new Voter(new UUID(buffer.getLong(), buffer.getLong()), false));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The voter of this cookie, or a brand-new one that must be handed back with {@link #cookieFor}. */
    public Voter verifyOrCreate(String cookieValue) {
        return verify(cookieValue).orElseGet(() -> new Voter(new UUID(random.nextLong(), random.nextLong()), true));
    }

    public NewCookie cookieFor(Voter voter) {
        byte[] id = voter.bytes();
        String value = B64.encodeToString(id) + "." + B64.encodeToString(key.sign(signed(id)));
        return new NewCookie.Builder(config.cookie().name())
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(config.cookie().secure())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) Math.min(Integer.MAX_VALUE, config.cookie().maxAge().toSeconds()))
                .build();
    }

    private static byte[] signed(byte[] id) {
        return ByteBuffer.allocate(DOMAIN.length + id.length).put(DOMAIN).put(id).array();
    }
}
