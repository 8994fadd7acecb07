package dev.autobench.arena.reveal;

import dev.autobench.arena.export.VotesExport;
import dev.autobench.arena.support.ArenaFixtures;
import dev.autobench.arena.support.TestTokens;
import dev.autobench.arena.support.Voters;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The votes export is public and large; clients that start a download and then read nothing must
 * not hold the database. Twenty of them (the pool's size) stall on an export far bigger than the
 * socket buffers, and a visitor can still get a match and vote.
 */
@QuarkusTest
class StalledExportReadersTest {

    private static final int READERS = 20;
    private static final int CLOSED_VOTES = 120_000;

    @TestHTTPResource("/")
    URL base;

    @Inject
    VotesExport export;

    @Test
    void twentyStalledExportReadersDoNotMakeAVoteFail() throws Exception {
        ArenaFixtures.reset();
        ArenaFixtures.Seeded closed = ArenaFixtures.seed(2, 1, Instant.now().minus(Duration.ofDays(3)), "tools", "old");
        try (Connection c = ArenaFixtures.connect()) {
            UUID match = IdentityRevealTest.insertMatch(c, closed.tasks().get(0), closed.submissions().get(0),
                    closed.submissions().get(1));
            try (var st = c.prepareStatement("""
                    INSERT INTO votes (match_id, voter_key, ip_hash, outcome, counted, served_at, created_at)
                    SELECT ?, 'stalled-voter-' || g, 'stalled-ip-' || (g % 97), 'left', true,
                           now() - interval '3 days', now() - interval '3 days'
                    FROM generate_series(1, ?) g""")) {
                st.setObject(1, match);
                st.setInt(2, CLOSED_VOTES);
                st.executeUpdate();
            }
        }
        ArenaFixtures.seed(2, 1, Instant.now(), "games", "new");
        Voters.pair();
        VotesExport.Generation generation = export.refresh();
        assertThat(generation.size()).as("an export much bigger than the socket buffers").isGreaterThan(20_000_000L);

        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < READERS; i++) {
                Socket socket = new Socket(base.getHost(), base.getPort());
                socket.setReceiveBufferSize(4096);
                OutputStream out = socket.getOutputStream();
                out.write(("GET /api/export/votes HTTP/1.1\r\nHost: " + base.getHost() + "\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // read the status line only, so the server has begun to answer; then read nothing more
                InputStream in = socket.getInputStream();
                byte[] status = in.readNBytes(12);
                assertThat(new String(status, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
                stalled.add(socket);
            }

            Voters voter = new Voters();
            Response match = voter.nextMatch();
            match.then().statusCode(200);
            voter.vote(TestTokens.backdated(match.path("voteToken"), 10), "left").then().statusCode(201);
            given().get("/api/tasks/today").then().statusCode(200);
            // and the export itself is still served whole to a client that reads
            assertThat(given().get("/api/export/votes").then().statusCode(200).extract().asByteArray().length)
                    .isEqualTo((int) generation.size());
        } finally {
            for (Socket socket : stalled) {
                socket.close();
            }
        }
    }
}
