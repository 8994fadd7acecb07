package dev.autobench.arena.security;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * An anonymous voter. {@code fresh} means the cookie was just minted and must be set on the response;
 * {@code mintedAt} is when its cookie was first handed out ({@link Instant#EPOCH} for cookies older
 * than the field); {@code humanCheckedAt} is when this cookie last passed the human check, if ever.
 * {@link #key()} is what the votes table stores: not the cookie, which also needs the signature.
 */
public record Voter(UUID id, boolean fresh, Instant mintedAt, Optional<Instant> humanCheckedAt) {

    public Voter(UUID id, boolean fresh, Instant mintedAt) {
        this(id, fresh, mintedAt, Optional.empty());
    }

    public Voter(UUID id, boolean fresh) {
        this(id, fresh, fresh ? Instant.now() : Instant.EPOCH);
    }

    /** The same voter, having passed the human check at {@code at}. */
    public Voter humanChecked(Instant at) {
        return new Voter(id, fresh, mintedAt, Optional.of(at));
    }

    /** Whether a human check passed within {@code validFor} before {@code now}. */
    public boolean humanCheckValidAt(Instant now, Duration validFor) {
        return humanCheckedAt.map(at -> !now.isBefore(at) && now.isBefore(at.plus(validFor))).orElse(false);
    }

    public byte[] bytes() {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public String key() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes());
    }
}
