package dev.autobench.arena.security;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * An anonymous voter. {@code fresh} means the cookie was just minted and must be set on the response;
 * {@code mintedAt} is when its cookie was first handed out ({@link Instant#EPOCH} for cookies older
 * than the field). {@link #key()} is what the votes table stores: not the cookie, which also needs
 * the signature.
 */
public record Voter(UUID id, boolean fresh, Instant mintedAt) {

    public Voter(UUID id, boolean fresh) {
        this(id, fresh, fresh ? Instant.now() : Instant.EPOCH);
    }

    public byte[] bytes() {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    public String key() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes());
    }
}
