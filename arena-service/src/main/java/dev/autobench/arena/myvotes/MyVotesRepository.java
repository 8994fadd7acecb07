package dev.autobench.arena.myvotes;

import dev.autobench.arena.sql.Rows;
import dev.autobench.arena.sql.ArenaWindow;
import dev.autobench.arena.sql.VoteSides;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One voter's own votes, newest first, with the models behind each match (the caller hides them while open). */
@ApplicationScoped
public class MyVotesRepository {

    public record Row(UUID matchId, UUID taskId, String title, String category, String outcome, boolean counted,
                      Instant votedAt, Instant openedAt, String leftSlug, String leftName, String leftProvider,
                      String rightSlug, String rightName, String rightProvider) {
    }

    private static final String MINE = """
            SELECT v.match_id AS match_id, t.id AS task_id, t.title AS title, t.category AS category,
                   v.outcome AS outcome, v.counted AS counted, v.created_at AS voted_at, %s AS opened_at,
                   lm.slug AS left_slug, lm.display_name AS left_name, lm.provider AS left_provider,
                   rm.slug AS right_slug, rm.display_name AS right_name, rm.provider AS right_provider
            %s            WHERE v.voter_key = :voter
            ORDER BY v.created_at DESC, v.id DESC
            LIMIT :limit
            """.formatted(ArenaWindow.TASK_OPENED_AT, VoteSides.FROM_VOTES);

    @Inject
    EntityManager em;

    public List<Row> mine(String voterKey, int limit) {
        return Rows.tuples(em.createNativeQuery(MINE, Tuple.class).setParameter("voter", voterKey)
                        .setParameter("limit", limit)).stream()
                .map(r -> new Row(Rows.uuid(r, "match_id"), Rows.uuid(r, "task_id"), Rows.text(r, "title"),
                        Rows.text(r, "category"), Rows.text(r, "outcome"), Rows.bool(r, "counted"),
                        Rows.instant(r, "voted_at"), Rows.instant(r, "opened_at"),
                        Rows.text(r, "left_slug"), Rows.text(r, "left_name"), Rows.text(r, "left_provider"),
                        Rows.text(r, "right_slug"), Rows.text(r, "right_name"), Rows.text(r, "right_provider")))
                .toList();
    }
}
