package dev.autobench.arena.pairing;

import dev.autobench.arena.sql.ArenaWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;

/** Creates the missing matches of every task in the arena window, in one statement. */
@ApplicationScoped
public class PairingRepository {

    /*
     * One row per unordered pair (a.id < b.id) of rendered submissions of the same task; the side
     * each lands on is a coin flip drawn once per pair (the MATERIALIZED CTE stops the planner
     * from evaluating random() once per reference). The unique expression index makes the insert
     * idempotent and safe when several replicas pair at once.
     */
    private static final String INSERT_MISSING_PAIRS = """
            WITH candidates AS MATERIALIZED (
                SELECT a.task_id, a.id AS a_id, b.id AS b_id, random() < 0.5 AS flip
                FROM tasks t
                JOIN submissions a ON a.task_id = t.id AND a.status = 'succeeded'
                JOIN submissions b ON b.task_id = t.id AND b.status = 'succeeded' AND a.id < b.id
                JOIN artifacts aa ON aa.submission_id = a.id AND aa.status = 'rendered'
                JOIN artifacts ab ON ab.submission_id = b.id AND ab.status = 'rendered'
                WHERE %s
                  AND NOT EXISTS (SELECT 1 FROM matches m WHERE m.task_id = a.task_id
                                  AND LEAST(m.left_submission_id, m.right_submission_id) = a.id
                                  AND GREATEST(m.left_submission_id, m.right_submission_id) = b.id)
            )
            INSERT INTO matches (task_id, left_submission_id, right_submission_id)
            SELECT task_id, CASE WHEN flip THEN b_id ELSE a_id END, CASE WHEN flip THEN a_id ELSE b_id END
            FROM candidates
            ON CONFLICT (task_id, LEAST(left_submission_id, right_submission_id),
                         GREATEST(left_submission_id, right_submission_id)) DO NOTHING
            """.formatted(ArenaWindow.TASK_IN_WINDOW);

    private static final String COUNT_OPEN = """
            SELECT count(*) FROM matches m JOIN tasks t ON t.id = m.task_id WHERE %s
            """.formatted(ArenaWindow.TASK_IN_WINDOW);

    @Inject
    EntityManager em;

    public int createMissingPairs(Instant cutoff) {
        return em.createNativeQuery(INSERT_MISSING_PAIRS).setParameter("cutoff", cutoff).executeUpdate();
    }

    public long countOpen(Instant cutoff) {
        return ((Number) em.createNativeQuery(COUNT_OPEN).setParameter("cutoff", cutoff).getSingleResult()).longValue();
    }
}
