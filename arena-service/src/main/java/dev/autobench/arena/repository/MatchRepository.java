package dev.autobench.arena.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The queries behind serving matches and revealing them. */
@ApplicationScoped
public class MatchRepository {

    /** A match ready to serve, with both sides' artifacts (identities are deliberately not selected). */
    public record Servable(UUID matchId, UUID taskId, String title, String prompt, String category,
                           UUID leftArtifactId, boolean leftScreenshot, String leftCode,
                           UUID rightArtifactId, boolean rightScreenshot, String rightCode, Instant openedAt) {
    }

    static final String PROMPT = "coalesce(t.spec->>'prompt', t.spec->>'description', t.spec->>'brief', '')";

    /*
     * Least-voted first, random among equals: coverage stays balanced across pairs. A side whose
     * artifact stopped being 'rendered' (re-render, failure) is never served.
     */
    private static final String NEXT_FOR_VOTER = """
            SELECT m.id, t.id AS task_id, t.title, %s AS prompt, t.category,
                   la.id AS left_artifact, (la.screenshot_png IS NOT NULL) AS left_shot, ls.code AS left_code,
                   ra.id AS right_artifact, (ra.screenshot_png IS NOT NULL) AS right_shot, rs.code AS right_code,
                   %s AS opened_at
            FROM matches m
            JOIN tasks t ON t.id = m.task_id
            JOIN submissions ls ON ls.id = m.left_submission_id
            JOIN submissions rs ON rs.id = m.right_submission_id
            JOIN artifacts la ON la.submission_id = ls.id AND la.status = 'rendered'
            JOIN artifacts ra ON ra.submission_id = rs.id AND ra.status = 'rendered'
            WHERE %s
              AND NOT EXISTS (SELECT 1 FROM votes v WHERE v.match_id = m.id AND v.voter_key = :voter)
            ORDER BY m.vote_count, random()
            LIMIT 1
            """.formatted(PROMPT, ArenaWindow.TASK_OPENED_AT, ArenaWindow.TASK_IN_WINDOW);

    /** When the match's task opened for voting (its window ends {@code autobench.arena.window} later). */
    private static final String OPENED_AT = """
            SELECT %s FROM matches m JOIN tasks t ON t.id = m.task_id WHERE m.id = :match
            """.formatted(ArenaWindow.TASK_OPENED_AT);

    @Inject
    EntityManager em;

    public Optional<Servable> nextFor(String voterKey, Instant cutoff) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(NEXT_FOR_VOTER)
                .setParameter("voter", voterKey)
                .setParameter("cutoff", cutoff)
                .getResultList();
        return rows.stream().findFirst().map(r -> new Servable((UUID) r[0], (UUID) r[1], (String) r[2],
                (String) r[3], (String) r[4], (UUID) r[5], (Boolean) r[6], (String) r[7], (UUID) r[8],
                (Boolean) r[9], (String) r[10], VoteRepository.instant(r[11])));
    }

    /** When the match's task opened for voting; empty when the match does not exist. */
    public Optional<Instant> openedAt(UUID matchId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery(OPENED_AT).setParameter("match", matchId).getResultList();
        return rows.stream().findFirst().map(VoteRepository::instant);
    }
}
