package dev.autobench.arena.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

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
            SELECT v.match_id, t.id, t.title, t.category, v.outcome, v.counted, v.created_at, %s,
                   lm.slug, lm.display_name, lm.provider, rm.slug, rm.display_name, rm.provider
            FROM votes v
            JOIN matches m ON m.id = v.match_id
            JOIN tasks t ON t.id = m.task_id
            JOIN submissions ls ON ls.id = m.left_submission_id
            JOIN submissions rs ON rs.id = m.right_submission_id
            JOIN models lm ON lm.id = ls.model_id
            JOIN models rm ON rm.id = rs.model_id
            WHERE v.voter_key = :voter
            ORDER BY v.created_at DESC, v.id DESC
            LIMIT :limit
            """.formatted(ArenaWindow.TASK_OPENED_AT);

    @Inject
    EntityManager em;

    public List<Row> mine(String voterKey, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(MINE).setParameter("voter", voterKey).setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new Row((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3], (String) r[4],
                Boolean.TRUE.equals(r[5]), VoteRepository.instant(r[6]), VoteRepository.instant(r[7]),
                (String) r[8], (String) r[9], (String) r[10], (String) r[11], (String) r[12], (String) r[13]))
                .toList();
    }
}
