package dev.autobench.renderer;

import dev.autobench.renderer.artifact.RenderClaim;
import dev.autobench.renderer.artifact.ArtifactRepository;
import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** However many renderers run at once, every submission is rendered exactly once. */
@QuarkusTest
class ConcurrentRenderTest {

    /** Fixtures and checks go through the owner: the service's own role may not write them. */
    final DataSource dataSource = PostgresTestResource.ownerDataSource();

    @Inject
    ArtifactRepository artifacts;

    Submissions submissions;

    @BeforeEach
    void setUp() {
        submissions = new Submissions(dataSource);
    }

    @Test
    void twoRenderCallsAtOnceRenderEachSubmissionOnce() {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(submissions.succeeded(Pages.text("page " + i)));
        }

        CompletableFuture<Response> first = CompletableFuture.supplyAsync(this::render);
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(this::render);
        Response a = first.join();
        Response b = second.join();

        assertThat(a.statusCode()).isEqualTo(200);
        assertThat(b.statusCode()).isEqualTo(200);
        int rendered = a.jsonPath().getInt("rendered") + b.jsonPath().getInt("rendered");
        assertThat(rendered).as("no submission rendered twice, none skipped").isEqualTo(ids.size());
        assertThat(a.jsonPath().getInt("failed") + b.jsonPath().getInt("failed")).isZero();
        for (UUID id : ids) {
            assertThat(submissions.artifactCount(id)).isEqualTo(1);
            assertThat(submissions.artifact(id).get("status")).isEqualTo("rendered");
        }
    }

    @Test
    void concurrentClaimersNeverClaimTheSameSubmission() throws Exception {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            ids.add(submissions.succeeded("<p>claim " + i + "</p>"));
        }
        ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Void>> claimers = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            String name = "claimer-" + c;
            claimers.add(CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                Optional<RenderClaim> claim;
                while ((claim = artifacts.claimNext(name, Duration.ofHours(1))).isPresent()) {
                    claimed.add(claim.get().submissionId());
                }
            }));
        }
        start.countDown();
        CompletableFuture.allOf(claimers.toArray(CompletableFuture[]::new)).join();

        List<UUID> ours = claimed.stream().filter(ids::contains).toList();
        assertThat(ours).hasSize(ids.size()).doesNotHaveDuplicates();
        // left claimed under an hour's lease, longer than this suite: no later test renders them
        assertThat(submissions.count("SELECT count(*) FROM artifacts WHERE status = 'rendering' AND claimed_by LIKE 'claimer-%'"))
                .isGreaterThanOrEqualTo(ids.size());
    }

    @Test
    void anExpiredClaimIsTakenOverAndALiveOneIsLeftAlone() {
        UUID abandoned = submissions.succeeded(Pages.text("abandoned by a crashed renderer"));
        UUID held = submissions.succeeded(Pages.text("held by a live renderer"));
        submissions.execute("INSERT INTO artifacts (submission_id, status, claimed_by, lease_until) "
                + "VALUES (?, 'rendering', 'crashed-renderer', now() - interval '1 minute')", abandoned);
        submissions.execute("INSERT INTO artifacts (submission_id, status, claimed_by, lease_until) "
                + "VALUES (?, 'rendering', 'live-renderer', now() + interval '1 hour')", held);

        assertThat(render().statusCode()).isEqualTo(200);

        assertThat(submissions.artifact(abandoned).get("status")).isEqualTo("rendered");
        assertThat(submissions.artifact(abandoned).get("claimed_by")).isNotEqualTo("crashed-renderer");
        assertThat(submissions.artifact(held).get("status")).isEqualTo("rendering");
        assertThat(submissions.artifact(held).get("claimed_by")).isEqualTo("live-renderer");
    }

    private Response render() {
        return given().header("x-cron-secret", RenderEndpointTest.SECRET).when().post("/api/render")
                .then().extract().response();
    }
}
