package dev.autobench.arena.passrates;

import dev.autobench.arena.sql.ArenaWindow;
import dev.autobench.arena.sql.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

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
            SELECT md.slug AS model, md.display_name AS display_name, t.category AS category, count(*) AS checked,
                   count(*) FILTER (WHERE a.checks_passed = a.checks_total) AS passed,
                   coalesce(sum(a.checks_passed), 0) AS checks_passed, coalesce(sum(a.checks_total), 0) AS checks_total
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
                                       OR (outcome = 'right' AND right_share > left_share)) AS for_more,
                   count(*) FILTER (WHERE (outcome = 'left' AND left_share < right_share)
                                       OR (outcome = 'right' AND right_share < left_share)) AS for_fewer,
                   count(*) FILTER (WHERE outcome IN ('tie', 'both_bad')) AS tie_or_both_bad
            FROM scored WHERE left_share <> right_share
            """.formatted(CLOSED);

    @Inject
    EntityManager em;

    /** Everything checked on tasks opened at or before {@code cutoff} (= now − window). */
    public List<Row> rows(Instant cutoff) {
        return Rows.tuples(em.createNativeQuery(ROWS, Tuple.class).setParameter("cutoff", at(cutoff))).stream()
                .map(r -> new Row(Rows.text(r, "model"), Rows.text(r, "display_name"), Rows.text(r, "category"),
                        Rows.longOrZero(r, "checked"), Rows.longOrZero(r, "passed"),
                        Rows.longOrZero(r, "checks_passed"), Rows.longOrZero(r, "checks_total")))
                .toList();
    }

    public VotesVsChecks votesVsChecks(Instant cutoff) {
        Tuple r = Rows.tuple(em.createNativeQuery(VOTES, Tuple.class).setParameter("cutoff", at(cutoff)));
        return new VotesVsChecks(Rows.longOrZero(r, "for_more"), Rows.longOrZero(r, "for_fewer"),
                Rows.longOrZero(r, "tie_or_both_bad"));
    }

    private static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
