package dev.autobench.arena.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The acceptance-check results behind the pass rates, from closed tasks only (the same tasks as the leaderboard):
 * results of open tasks next to a model's name would tell a voter which model is behind a page still in the arena.
 * A solution counts when its page was checked; it passes when it passed every check of its task.
 */
@ApplicationScoped
public class PassRateRepository {

    /** Per model and category: pages checked, pages that passed every check, checks passed, checks run. */
    public record Row(String model, String displayName, String category, long checked, long passed,
                      long checksPassed, long checksTotal) {
    }

    /**
     * Counted votes of closed tasks whose two pages were both checked and scored differently: how many went to the
     * page that passed the larger share of its checks, to the other one, or were a tie or both bad.
     */
    public record VotesVsChecks(long forMorePassing, long forFewerPassing, long tieOrBothBad) {
    }

    private static final String CLOSED = "NOT (" + ArenaWindow.TASK_IN_WINDOW + ")";

    private static final String ROWS = """
            SELECT md.slug, md.display_name, t.category, count(*),
                   count(*) FILTER (WHERE a.checks_passed = a.checks_total),
                   coalesce(sum(a.checks_passed), 0), coalesce(sum(a.checks_total), 0)
            FROM artifacts a
            JOIN submissions s ON s.id = a.submission_id
            JOIN tasks t ON t.id = s.task_id
            JOIN models md ON md.id = s.model_id
            WHERE a.checks_total > 0 AND %s
            GROUP BY md.slug, md.display_name, t.category
            ORDER BY md.slug, t.category
            """.formatted(CLOSED);

    private static final String VOTES = """
            WITH scored AS (
                SELECT v.outcome,
                       la.checks_passed::float8 / la.checks_total AS left_share,
                       ra.checks_passed::float8 / ra.checks_total AS right_share
                FROM votes v
                JOIN matches m ON m.id = v.match_id
                JOIN tasks t ON t.id = m.task_id
                JOIN artifacts la ON la.submission_id = m.left_submission_id
                JOIN artifacts ra ON ra.submission_id = m.right_submission_id
                WHERE v.counted AND la.checks_total > 0 AND ra.checks_total > 0 AND %s)
            SELECT count(*) FILTER (WHERE (outcome = 'left' AND left_share > right_share)
                                       OR (outcome = 'right' AND right_share > left_share)),
                   count(*) FILTER (WHERE (outcome = 'left' AND left_share < right_share)
                                       OR (outcome = 'right' AND right_share < left_share)),
                   count(*) FILTER (WHERE outcome IN ('tie', 'both_bad'))
            FROM scored WHERE left_share <> right_share
            """.formatted(CLOSED);

    @Inject
    EntityManager em;

    /** Everything checked on tasks opened at or before {@code cutoff} (= now − window). */
    public List<Row> rows(Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(ROWS).setParameter("cutoff", at(cutoff)).getResultList();
        return rows.stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2], number(r[3]),
                number(r[4]), number(r[5]), number(r[6]))).toList();
    }

    public VotesVsChecks votesVsChecks(Instant cutoff) {
        Object[] r = (Object[]) em.createNativeQuery(VOTES).setParameter("cutoff", at(cutoff)).getSingleResult();
        return new VotesVsChecks(number(r[0]), number(r[1]), number(r[2]));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
