package dev.autobench.arena.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read-only queries of the public task gallery. */
@ApplicationScoped
public class TaskRepository {

    public record TaskRow(UUID id, LocalDate date, int slot, String title, String category, String difficulty,
                          String prompt, String status, Instant generatedAt, Instant openedAt, int submissions,
                          int rendered, int matches, String checks) {
    }

    public record SubmissionRow(UUID id, String modelSlug, String modelName, String provider, String status,
                                String errorCode, String errorMessage, Integer inputTokens, Integer outputTokens,
                                BigDecimal costUsd, Integer latencyMs, String code, UUID artifactId,
                                String artifactStatus, boolean screenshot, Integer jsErrorCount, String jsErrors,
                                Integer renderMs, String failureReason, String checks, Integer checksPassed,
                                Integer checksTotal) {
    }

    public record DateRow(LocalDate date, int tasks) {
    }

    private static final String TASKS = """
            SELECT t.id, t.task_date, t.slot, t.title, t.category, t.difficulty, %s AS prompt, t.status,
                   t.generated_at, %s AS opened_at,
                   (SELECT count(*) FROM submissions s WHERE s.task_id = t.id) AS submissions,
                   (SELECT count(*) FROM submissions s JOIN artifacts a ON a.submission_id = s.id
                     WHERE s.task_id = t.id AND a.status = 'rendered') AS rendered,
                   (SELECT count(*) FROM matches m WHERE m.task_id = t.id) AS matches,
                   t.checks::text AS checks
            FROM tasks t
            """.formatted(MatchRepository.PROMPT, ArenaWindow.TASK_OPENED_AT);

    private static final String SUBMISSIONS = """
            SELECT s.id, md.slug, md.display_name, md.provider, s.status, s.error_code, s.error_message,
                   s.input_tokens, s.output_tokens, s.cost_usd, s.latency_ms, s.code,
                   a.id AS artifact_id, a.status AS artifact_status, (a.screenshot_png IS NOT NULL) AS screenshot,
                   a.js_error_count, a.js_errors::text, a.render_ms, a.failure_reason,
                   a.checks::text, a.checks_passed, a.checks_total
            FROM submissions s
            JOIN models md ON md.id = s.model_id
            LEFT JOIN artifacts a ON a.submission_id = s.id
            WHERE s.task_id = :task
            ORDER BY s.id
            """;

    /** A slot the generator has taken but not yet written (no title, category or spec) is not a task to show. */
    private static final String DRAFTED = "t.status <> 'pending'";

    @Inject
    EntityManager em;

    public List<TaskRow> byDate(LocalDate date) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TASKS + " WHERE t.task_date = :date AND " + DRAFTED + " ORDER BY t.slot")
                .setParameter("date", date)
                .getResultList();
        return rows.stream().map(TaskRepository::task).toList();
    }

    public Optional<TaskRow> byId(UUID id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(TASKS + " WHERE t.id = :id AND " + DRAFTED).setParameter("id", id).getResultList();
        return rows.stream().findFirst().map(TaskRepository::task);
    }

    public List<DateRow> dates() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT task_date, count(*) FROM tasks t WHERE " + DRAFTED + " GROUP BY task_date ORDER BY task_date DESC")
                .getResultList();
        return rows.stream().map(r -> new DateRow(localDate(r[0]), ((Number) r[1]).intValue())).toList();
    }

    public List<SubmissionRow> submissions(UUID taskId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SUBMISSIONS).setParameter("task", taskId).getResultList();
        return rows.stream().map(r -> new SubmissionRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], (String) r[6], integer(r[7]), integer(r[8]), (BigDecimal) r[9],
                integer(r[10]), (String) r[11], (UUID) r[12], (String) r[13], Boolean.TRUE.equals(r[14]),
                integer(r[15]), (String) r[16], integer(r[17]), (String) r[18], (String) r[19], integer(r[20]),
                integer(r[21]))).toList();
    }

    private static TaskRow task(Object[] r) {
        return new TaskRow((UUID) r[0], localDate(r[1]), ((Number) r[2]).intValue(), (String) r[3], (String) r[4],
                (String) r[5], (String) r[6], (String) r[7], r[8] == null ? null : VoteRepository.instant(r[8]),
                VoteRepository.instant(r[9]), ((Number) r[10]).intValue(), ((Number) r[11]).intValue(),
                ((Number) r[12]).intValue(), (String) r[13]);
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static LocalDate localDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
