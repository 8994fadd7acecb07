package dev.autobench.arena.tasks;

import dev.autobench.arena.artifacts.ArtifactUrls;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The public gallery. Identities, pipeline figures and error text of a task's submissions are
 * revealed only once the task has left the arena window: before that they would let a voter
 * recognise a model in a match (cost and latency fingerprint a provider), biasing the vote.
 */
@ApplicationScoped
public class TaskService {

    @Inject
    TaskGalleryRepository tasks;

    @Inject
    ArenaConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ArtifactUrls urls;

    Clock clock = Clock.systemUTC();

    @Transactional
    public TaskDay today() {
        return day(LocalDate.now(clock.withZone(ZoneOffset.UTC)));
    }

    @Transactional
    public TaskDay day(LocalDate date) {
        Instant now = clock.instant();
        return new TaskDay(date, tasks.byDate(date).stream().map(t -> summary(t, now)).toList());
    }

    @Transactional
    public TaskDates dates() {
        return new TaskDates(tasks.dates().stream().map(d -> new TaskDates.Day(d.date(), d.tasks())).toList());
    }

    @Transactional
    public TaskDetail detail(UUID id) {
        TaskSummary task = tasks.byId(id).map(t -> summary(t, clock.instant()))
                .orElseThrow(() -> ProblemException.notFound("No task " + id));
        boolean revealed = task.revealed();
        List<TaskDetail.Submission> submissions = tasks.submissions(id).stream()
                .map(s -> submission(s, revealed))
                .sorted(revealed
                        ? Comparator.comparing(s -> s.model().displayName())
                        : Comparator.comparing(TaskDetail.Submission::id))
                .toList();
        return new TaskDetail(task, submissions);
    }

    private TaskSummary summary(TaskGalleryRepository.TaskRow t, Instant now) {
        Instant closes = t.openedAt().plus(config.window());
        boolean inArena = now.isBefore(closes);
        return new TaskSummary(t.id(), t.date(), t.slot(), t.title(), t.category(), t.difficulty(), t.prompt(),
                t.status(), t.generatedAt(), inArena, !inArena, closes, t.submissions(), t.rendered(), t.matches(),
                parse(t.checks()));
    }

    private TaskDetail.Submission submission(TaskGalleryRepository.SubmissionRow s, boolean revealed) {
        TaskDetail.Artifact artifact = s.artifactId() == null ? null : new TaskDetail.Artifact(s.artifactId(),
                s.artifactStatus(),
                "rendered".equals(s.artifactStatus()) ? urls.html(s.artifactId()) : null,
                s.screenshot() ? urls.screenshot(s.artifactId()) : null,
                s.jsErrorCount() == null ? 0 : s.jsErrorCount(), parse(s.jsErrors()), s.renderMs(),
                s.failureReason(), s.checks() == null ? null : parse(s.checks()), s.checksPassed(), s.checksTotal());
        if (!revealed) {
            return new TaskDetail.Submission(s.id(), null, s.status(), s.errorCode(), null, null, null, null, null,
                    s.code(), artifact);
        }
        return new TaskDetail.Submission(s.id(), new ModelIdentity(s.modelSlug(), s.modelName(), s.provider()),
                s.status(), s.errorCode(), s.errorMessage(), s.inputTokens(), s.outputTokens(), s.costUsd(),
                s.latencyMs(), s.code(), artifact);
    }

    private JsonNode parse(String text) {
        if (text == null) {
            return json.createArrayNode();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            return json.createArrayNode();
        }
    }
}
