package dev.autobench.arena.support;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Builds vote tokens the way the server does, with the test profile's key, to present tokens the
 * server would never issue right now (expired, back-dated) — and with other keys, forged ones.
 */
public final class TestTokens {

    public static final String TEST_KEY = "arena-test-signing-key-0123456789abcdef";

    private TestTokens() {
    }

    public static String signed(UUID match, UUID voter, Instant issued, Instant expires) {
        return signedWith(TEST_KEY, match, voter, issued, expires);
    }

    public static String signedWith(String key, UUID match, UUID voter, Instant issued, Instant expires) {
        byte[] payload = ByteBuffer.allocate(49).put((byte) 1)
                .putLong(match.getMostSignificantBits()).putLong(match.getLeastSignificantBits())
                .putLong(voter.getMostSignificantBits()).putLong(voter.getLeastSignificantBits())
                .putLong(issued.toEpochMilli()).putLong(expires.toEpochMilli()).array();
        byte[] domain = "vote-token:".getBytes(StandardCharsets.US_ASCII);
        byte[] message = ByteBuffer.allocate(domain.length + payload.length).put(domain).put(payload).array();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(payload) + "." + b64.encodeToString(hmac(key, message));
    }

    /** The same token, issued {@code seconds} earlier (as if the voter had looked that long). */
    public static String backdated(String token, int seconds) {
        ByteBuffer payload = ByteBuffer.wrap(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))));
        payload.get();
        UUID match = new UUID(payload.getLong(), payload.getLong());
        UUID voter = new UUID(payload.getLong(), payload.getLong());
        Instant issued = Instant.ofEpochMilli(payload.getLong()).minusSeconds(seconds);
        Instant expires = Instant.ofEpochMilli(payload.getLong());
        return signed(match, voter, issued, expires);
    }

    /** A voter cookie of the older {@code <id>.<hmac>} form, which carried no age. */
    public static String legacyCookie(UUID voter) {
        byte[] id = ByteBuffer.allocate(16).putLong(voter.getMostSignificantBits()).putLong(voter.getLeastSignificantBits())
                .array();
        byte[] signed = ByteBuffer.allocate(6 + 16).put("voter:".getBytes(StandardCharsets.US_ASCII)).put(id).array();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(id) + "." + b64.encodeToString(hmac(TEST_KEY, signed));
    }

    /** A voter cookie minted at {@code minted}, signed with the test key (or any other {@code key}). */
    public static String mintedCookie(String key, UUID voter, Instant minted) {
        byte[] id = ByteBuffer.allocate(16).putLong(voter.getMostSignificantBits()).putLong(voter.getLeastSignificantBits())
                .array();
        byte[] domain = "voter-minted:".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = ByteBuffer.allocate(domain.length + 16 + 8).put(domain).put(id).putLong(minted.getEpochSecond())
                .array();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(id) + "." + minted.getEpochSecond() + "." + b64.encodeToString(hmac(key, signed));
    }

    /** A voter cookie minted at {@code minted} that passed the human check at {@code checked}. */
    public static String checkedCookie(String key, UUID voter, Instant minted, Instant checked) {
        byte[] id = ByteBuffer.allocate(16).putLong(voter.getMostSignificantBits()).putLong(voter.getLeastSignificantBits())
                .array();
        byte[] domain = "voter-checked:".getBytes(StandardCharsets.US_ASCII);
        byte[] signed = ByteBuffer.allocate(domain.length + 16 + 16).put(domain).put(id).putLong(minted.getEpochSecond())
                .putLong(checked.getEpochSecond()).array();
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString(id) + "." + minted.getEpochSecond() + "." + checked.getEpochSecond() + "."
                + b64.encodeToString(hmac(key, signed));
    }

    public static UUID voterOf(String cookie) {
        ByteBuffer id = ByteBuffer.wrap(Base64.getUrlDecoder().decode(cookie.substring(0, cookie.indexOf('.'))));
        return new UUID(id.getLong(), id.getLong());
    }

    private static byte[] hmac(String key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
