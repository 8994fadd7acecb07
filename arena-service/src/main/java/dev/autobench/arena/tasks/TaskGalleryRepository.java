package dev.autobench.arena.tasks;

import dev.autobench.arena.sql.TaskPrompt;
import dev.autobench.arena.sql.Rows;
import dev.autobench.arena.sql.ArenaWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Read-only queries of the public task gallery. */
@ApplicationScoped
public class TaskGalleryRepository {

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
            SELECT t.id AS id, t.task_date AS task_date, t.slot AS slot, t.title AS title, t.category AS category,
                   t.difficulty AS difficulty, %s AS prompt, t.status AS status,
                   t.generated_at AS generated_at, %s AS opened_at,
                   (SELECT count(*) FROM submissions s WHERE s.task_id = t.id) AS submissions,
                   (SELECT count(*) FROM submissions s JOIN artifacts a ON a.submission_id = s.id
                     WHERE s.task_id = t.id AND a.status = 'rendered') AS rendered,
                   (SELECT count(*) FROM matches m WHERE m.task_id = t.id) AS matches,
                   t.checks::text AS checks
            FROM tasks t
            """.formatted(TaskPrompt.SQL, ArenaWindow.TASK_OPENED_AT);

    private static final String SUBMISSIONS = """
            SELECT s.id AS id, md.slug AS model_slug, md.display_name AS model_name, md.provider AS provider,
                   s.status AS status, s.error_code AS error_code, s.error_message AS error_message,
                   s.input_tokens AS input_tokens, s.output_tokens AS output_tokens, s.cost_usd AS cost_usd,
                   s.latency_ms AS latency_ms, s.code AS code,
                   a.id AS artifact_id, a.status AS artifact_status, (a.screenshot_png IS NOT NULL) AS screenshot,
                   a.js_error_count AS js_error_count, a.js_errors::text AS js_errors, a.render_ms AS render_ms,
                   a.failure_reason AS failure_reason, a.checks::text AS checks, a.checks_passed AS checks_passed,
                   a.checks_total AS checks_total
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
        return Rows.tuples(em.createNativeQuery(
                        TASKS + " WHERE t.task_date = :date AND " + DRAFTED + " ORDER BY t.slot", Tuple.class)
                .setParameter("date", date)).stream().map(TaskGalleryRepository::task).toList();
    }

    public Optional<TaskRow> byId(UUID id) {
        return Rows.tuples(em.createNativeQuery(TASKS + " WHERE t.id = :id AND " + DRAFTED, Tuple.class)
                .setParameter("id", id)).stream().findFirst().map(TaskGalleryRepository::task);
    }

    public List<DateRow> dates() {
        return Rows.tuples(em.createNativeQuery("SELECT task_date, count(*) AS tasks FROM tasks t WHERE " + DRAFTED
                        + " GROUP BY task_date ORDER BY task_date DESC", Tuple.class)).stream()
                .map(r -> new DateRow(Rows.date(r, "task_date"), Rows.intValue(r, "tasks"))).toList();
    }

    public List<SubmissionRow> submissions(UUID taskId) {
        return Rows.tuples(em.createNativeQuery(SUBMISSIONS, Tuple.class).setParameter("task", taskId)).stream()
                .map(TaskGalleryRepository::submission).toList();
    }

    private static TaskRow task(Tuple r) {
        return new TaskRow(Rows.uuid(r, "id"), Rows.date(r, "task_date"), Rows.intValue(r, "slot"),
                Rows.text(r, "title"), Rows.text(r, "category"), Rows.text(r, "difficulty"), Rows.text(r, "prompt"),
                Rows.text(r, "status"), Rows.instant(r, "generated_at"), Rows.instant(r, "opened_at"),
                Rows.intValue(r, "submissions"), Rows.intValue(r, "rendered"), Rows.intValue(r, "matches"),
                Rows.text(r, "checks"));
    }

    private static SubmissionRow submission(Tuple r) {
        return new SubmissionRow(Rows.uuid(r, "id"), Rows.text(r, "model_slug"), Rows.text(r, "model_name"),
                Rows.text(r, "provider"), Rows.text(r, "status"), Rows.text(r, "error_code"),
                Rows.text(r, "error_message"), Rows.integerOrNull(r, "input_tokens"),
                Rows.integerOrNull(r, "output_tokens"), Rows.decimal(r, "cost_usd"),
                Rows.integerOrNull(r, "latency_ms"), Rows.text(r, "code"), Rows.uuid(r, "artifact_id"),
                Rows.text(r, "artifact_status"), Rows.bool(r, "screenshot"), Rows.integerOrNull(r, "js_error_count"),
                Rows.text(r, "js_errors"), Rows.integerOrNull(r, "render_ms"), Rows.text(r, "failure_reason"),
                Rows.text(r, "checks"), Rows.integerOrNull(r, "checks_passed"), Rows.integerOrNull(r, "checks_total"));
    }
}
