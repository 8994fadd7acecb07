package dev.autobench.arena.security;

import dev.autobench.arena.config.ArenaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * The anonymous voter: a random 128-bit id and the second it was minted in an HttpOnly cookie,
 * {@code <id>.<minted>.<hmac>}, so that a client can neither choose nor guess another voter's id nor
 * age its cookie; once it passed the human check, {@code <id>.<minted>.<checked>.<hmac>}, so that
 * the check cannot be claimed without passing it. The older {@code <id>.<hmac>} form still verifies
 * (as a cookie of unknown, old age: nobody can mint one any more).
 */
@ApplicationScoped
public class VoterCookies {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final byte[] DOMAIN = "voter:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] AGED_DOMAIN = "voter-minted:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CHECKED_DOMAIN = "voter-checked:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final SecureRandom random = new SecureRandom();

    Clock clock = Clock.systemUTC();

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
        String[] parts = cookieValue.split("\\.", -1);
        try {
            if (parts.length == 2) {
                byte[] id = B64D.decode(parts[0]);
                if (id.length != 16 || !key.verify(signed(id), B64D.decode(parts[1]))) {
                    return Optional.empty();
                }
                return Optional.of(voter(id, Instant.EPOCH));
            }
            if (parts.length == 3) {
                byte[] id = B64D.decode(parts[0]);
                long minted = Long.parseLong(parts[1]);
                if (id.length != 16 || minted < 0 || !key.verify(signed(id, minted), B64D.decode(parts[2]))) {
                    return Optional.empty();
                }
                return Optional.of(voter(id, Instant.ofEpochSecond(minted)));
            }
            if (parts.length == 4) {
                byte[] id = B64D.decode(parts[0]);
                long minted = Long.parseLong(parts[1]);
                long checked = Long.parseLong(parts[2]);
                if (id.length != 16 || minted < 0 || checked < 0
                        || !key.verify(signed(id, minted, checked), B64D.decode(parts[3]))) {
                    return Optional.empty();
                }
                return Optional.of(voter(id, Instant.ofEpochSecond(minted)).humanChecked(Instant.ofEpochSecond(checked)));
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) { // bad Base64 or number
            return Optional.empty();
        }
    }

    private static Voter voter(byte[] id, Instant mintedAt) {
        ByteBuffer buffer = ByteBuffer.wrap(id);
        return new Voter(new UUID(buffer.getLong(), buffer.getLong()), false, mintedAt);
    }

    /** The voter of this cookie, or a brand-new one that must be handed back with {@link #cookieFor}. */
    public Voter verifyOrCreate(String cookieValue) {
        return verify(cookieValue).orElseGet(() -> new Voter(new UUID(random.nextLong(), random.nextLong()), true,
                Instant.ofEpochSecond(clock.instant().getEpochSecond())));
    }

    public NewCookie cookieFor(Voter voter) {
        byte[] id = voter.bytes();
        long minted = voter.mintedAt().getEpochSecond();
        String value = voter.humanCheckedAt().map(Instant::getEpochSecond)
                .map(checked -> B64.encodeToString(id) + "." + minted + "." + checked + "."
                        + B64.encodeToString(key.sign(signed(id, minted, checked))))
                .orElseGet(() -> B64.encodeToString(id) + "." + minted + "." + B64.encodeToString(key.sign(signed(id, minted))));
        return new NewCookie.Builder(config.cookie().name())
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(config.cookie().secure())
                .sameSite(NewCookie.SameSite.LAX)
                .maxAge((int) Math.min(Integer.MAX_VALUE, config.cookie().maxAge().toSeconds()))
                .build();
    }

    private static byte[] signed(byte[] id, long minted) {
        return ByteBuffer.allocate(AGED_DOMAIN.length + id.length + Long.BYTES).put(AGED_DOMAIN).put(id).putLong(minted)
                .array();
    }

    private static byte[] signed(byte[] id, long minted, long checked) {
        return ByteBuffer.allocate(CHECKED_DOMAIN.length + id.length + 2 * Long.BYTES).put(CHECKED_DOMAIN).put(id)
                .putLong(minted).putLong(checked).array();
    }

    private static byte[] signed(byte[] id) {
        return ByteBuffer.allocate(DOMAIN.length + id.length).put(DOMAIN).put(id).array();
    }
}
