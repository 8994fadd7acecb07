package dev.autobench.arena.security;

import dev.autobench.arena.config.ArenaConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Vote tokens: proof that this server served this match to this voter, and when. Compact:
 * {@code base64url(version | match id | voter id | issued-at ms | expires-at ms) "." base64url(HMAC-SHA256)}.
 */
@ApplicationScoped
public class VoteTokens {

    private static final byte VERSION = 1;
    private static final int PAYLOAD_LENGTH = 1 + 16 + 16 + 8 + 8;
    private static final byte[] DOMAIN = "vote-token:".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    @Inject
    SigningKey key;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    public record Issued(String token, Instant issuedAt, Instant expiresAt) {
    }

    public record Claims(UUID matchId, UUID voterId, Instant issuedAt, Instant expiresAt) {
    }

    /** Why a token was refused; the names are the {@code reason} tag of the rejection counter. */
    public enum Refusal { FORGED, EXPIRED, WRONG_VOTER }

    public static final class RefusedException extends RuntimeException {
        private final Refusal refusal;

        RefusedException(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    /**
     * A token for {@code matchId}, valid for the configured ttl but never past {@code notAfter} (the
     * end of the task's arena window): a token spent after the reveal could steer a board whose
     * identities are public by then.
     */
    public Issued issue(UUID matchId, Voter voter, Instant notAfter) {
        Instant issued = clock.instant();
        Instant byTtl = issued.plus(config.voteTokenTtl());
        Instant expires = byTtl.isBefore(notAfter) ? byTtl : notAfter;
        byte[] payload = ByteBuffer.allocate(PAYLOAD_LENGTH)
                .put(VERSION)
                .putLong(matchId.getMostSignificantBits()).putLong(matchId.getLeastSignificantBits())
                .putLong(voter.id().getMostSignificantBits()).putLong(voter.id().getLeastSignificantBits())
                .putLong(issued.toEpochMilli())
                .putLong(expires.toEpochMilli())
                .array();
        String token = B64.encodeToString(payload) + "." + B64.encodeToString(key.sign(signed(payload)));
        return new Issued(token, issued, expires);
    }

    /** The claims of a token this server signed for {@code voter}, still valid now; otherwise a refusal. */
    public Claims verify(String token, Voter voter) {
        Claims claims = parse(token);
        if (voter == null || !claims.voterId().equals(voter.id())) {
            throw new RefusedException(Refusal.WRONG_VOTER);
        }
        if (!clock.instant().isBefore(claims.expiresAt())) {
            throw new RefusedException(Refusal.EXPIRED);
        }
        return claims;
    }

    private Claims parse(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.') || token.length() > 256) {
            throw new RefusedException(Refusal.FORGED);
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = B64D.decode(token.substring(0, dot));
            signature = B64D.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new RefusedException(Refusal.FORGED);
        }
        if (payload.length != PAYLOAD_LENGTH || payload[0] != VERSION || !key.verify(signed(payload), signature)) {
            throw new RefusedException(Refusal.FORGED);
        }
        ByteBuffer buffer = ByteBuffer.wrap(payload, 1, PAYLOAD_LENGTH - 1);
        UUID match = new UUID(buffer.getLong(), buffer.getLong());
        UUID voterId = new UUID(buffer.getLong(), buffer.getLong());
        return new Claims(match, voterId, Instant.ofEpochMilli(buffer.getLong()), Instant.ofEpochMilli(buffer.getLong()));
    }

    private static byte[] signed(byte[] payload) {
        return ByteBuffer.allocate(DOMAIN.length + payload.length).put(DOMAIN).put(payload).array();
    }
}
