package dev.autobench.arena.matches;

import dev.autobench.arena.sql.TaskPrompt;
import dev.autobench.arena.sql.Rows;
import dev.autobench.arena.sql.ArenaWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The queries behind serving matches and revealing them. */
@ApplicationScoped
public class MatchRepository {

    /**
     * An open match ready to serve, with both sides' artifacts, and the two models' slugs: those
     * only decide the serving order ({@link MatchOrder}) and are never written to the answer.
     */
    public record OpenRow(UUID matchId, UUID taskId, String title, String prompt, String category,
                          UUID leftArtifactId, boolean leftScreenshot, UUID rightArtifactId, boolean rightScreenshot,
                          Instant openedAt, int voteCount, String leftModel, String rightModel) {
    }

    /** One stored vote, as far as serving needs it: who judged which match. */
    public record Judged(String voterKey, UUID matchId, Instant createdAt) {
    }

    /* A side whose artifact stopped being 'rendered' (re-render, failure) is never served. */
    private static final String OPEN = """
            SELECT m.id AS match_id, t.id AS task_id, t.title AS title, %s AS prompt, t.category AS category,
                   la.id AS left_artifact, (la.screenshot_png IS NOT NULL) AS left_shot,
                   ra.id AS right_artifact, (ra.screenshot_png IS NOT NULL) AS right_shot,
                   %s AS opened_at, m.vote_count AS vote_count, lm.slug AS left_model, rm.slug AS right_model
            FROM matches m
            JOIN tasks t ON t.id = m.task_id
            JOIN artifacts la ON la.submission_id = m.left_submission_id AND la.status = 'rendered'
            JOIN artifacts ra ON ra.submission_id = m.right_submission_id AND ra.status = 'rendered'
            JOIN submissions ls ON ls.id = m.left_submission_id
            JOIN models lm ON lm.id = ls.model_id
            JOIN submissions rs ON rs.id = m.right_submission_id
            JOIN models rm ON rm.id = rs.model_id
            WHERE %s
            """.formatted(TaskPrompt.SQL, ArenaWindow.TASK_OPENED_AT, ArenaWindow.TASK_IN_WINDOW);

    private static final String JUDGED_BY = """
            SELECT v.match_id FROM votes v JOIN matches m ON m.id = v.match_id JOIN tasks t ON t.id = m.task_id
            WHERE v.voter_key = :voter AND %s
            """.formatted(ArenaWindow.TASK_IN_WINDOW);

    private static final String VOTES_SINCE = """
            SELECT voter_key, match_id, created_at FROM votes WHERE created_at > :since
            """;

    private static final String CODE = """
            SELECT s.code FROM artifacts a JOIN submissions s ON s.id = a.submission_id
            WHERE a.id = :id AND a.status = 'rendered' AND s.code IS NOT NULL
            """;

    /** When the match's task opened for voting (its window ends {@code autobench.arena.window} later). */
    private static final String OPENED_AT = """
            SELECT %s FROM matches m JOIN tasks t ON t.id = m.task_id WHERE m.id = :match
            """.formatted(ArenaWindow.TASK_OPENED_AT);

    @Inject
    EntityManager em;

    /** Every match of a task in the window whose two sides are rendered. */
    public List<OpenRow> open(Instant cutoff) {
        return Rows.tuples(em.createNativeQuery(OPEN, Tuple.class).setParameter("cutoff", cutoff)).stream()
                .map(r -> new OpenRow(Rows.uuid(r, "match_id"), Rows.uuid(r, "task_id"), Rows.text(r, "title"),
                        Rows.text(r, "prompt"), Rows.text(r, "category"),
                        Rows.uuid(r, "left_artifact"), Rows.bool(r, "left_shot"),
                        Rows.uuid(r, "right_artifact"), Rows.bool(r, "right_shot"),
                        Rows.instant(r, "opened_at"), Rows.intValue(r, "vote_count"),
                        Rows.text(r, "left_model"), Rows.text(r, "right_model")))
                .toList();
    }

    /** The matches of open tasks this voter has voted on. */
    public Set<UUID> judgedBy(String voterKey, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<UUID> rows = em.createNativeQuery(JUDGED_BY).setParameter("voter", voterKey)
                .setParameter("cutoff", cutoff).getResultList();
        return new HashSet<>(rows);
    }

    /** The votes stored after {@code since}. */
    public List<Judged> votesSince(Instant since) {
        return Rows.tuples(em.createNativeQuery(VOTES_SINCE, Tuple.class).setParameter("since", since)).stream()
                .map(r -> new Judged(Rows.text(r, "voter_key"), Rows.uuid(r, "match_id"), Rows.instant(r, "created_at")))
                .toList();
    }

    /** The source code behind a rendered artifact. */
    public Optional<String> code(UUID artifactId) {
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery(CODE).setParameter("id", artifactId).getResultList();
        return rows.stream().findFirst();
    }

    /** When the match's task opened for voting; empty when the match does not exist. */
    public Optional<Instant> openedAt(UUID matchId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(OPENED_AT).setParameter("match", matchId).getResultList();
        return rows.stream().findFirst().map(Rows::instant);
    }
}
