package dev.autobench.arena.matches;

import dev.autobench.arena.artifacts.ArtifactUrls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.arena.matches.MatchRepository.OpenRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The match answer ({@link ArenaMatch}) as bytes: everything but the vote token and its expiry is
 * serialised once per match; a request only appends those two.
 */
@ApplicationScoped
public class MatchJson {

    private static final byte[] EXPIRES = "\",\"expiresAt\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] END = "\"}".getBytes(StandardCharsets.US_ASCII);

    @Inject
    ObjectMapper mapper;

    @Inject
    ArtifactUrls urls;

    byte[] prefix(OpenRow row, Instant revealAt) {
        try {
            String json = "{\"matchId\":" + mapper.writeValueAsString(row.matchId())
                    + ",\"task\":" + mapper.writeValueAsString(
                    new ArenaMatch.Task(row.taskId(), row.title(), row.prompt(), row.category()))
                    + ",\"left\":" + mapper.writeValueAsString(side(row.leftArtifactId(), row.leftScreenshot()))
                    + ",\"right\":" + mapper.writeValueAsString(side(row.rightArtifactId(), row.rightScreenshot()))
                    + ",\"revealAt\":" + mapper.writeValueAsString(revealAt)
                    + ",\"voteToken\":\"";
            return json.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise match " + row.matchId(), e);
        }
    }

    /** The token is base64url and a dot, and an instant's ISO form has nothing to escape either. */
    byte[] complete(OpenMatch match, String voteToken, Instant expiresAt) {
        byte[] prefix = match.jsonPrefix();
        ByteArrayOutputStream out = new ByteArrayOutputStream(prefix.length + voteToken.length() + 48);
        out.writeBytes(prefix);
        out.writeBytes(voteToken.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(EXPIRES);
        out.writeBytes(expiresAt.toString().getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(END);
        return out.toByteArray();
    }

    ArenaMatch.Side side(UUID artifactId, boolean screenshot) {
        return new ArenaMatch.Side(artifactId, urls.html(artifactId),
                screenshot ? urls.screenshot(artifactId) : null, urls.code(artifactId));
    }
}
