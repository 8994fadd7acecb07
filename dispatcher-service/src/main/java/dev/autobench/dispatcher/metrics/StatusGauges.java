package dev.autobench.dispatcher.metrics;

import dev.autobench.dispatcher.submission.SubmissionRepository;
import dev.autobench.dispatcher.dispatch.DispatchableTaskRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static dev.autobench.dispatcher.metrics.MeterNames.SUBMISSIONS;
import static dev.autobench.dispatcher.metrics.MeterNames.TAG_STATUS;
import static dev.autobench.dispatcher.metrics.MeterNames.TASKS_TODAY;

/**
 * Database counts as gauges, cached: a scrape never queries the database, and the counts are at most
 * 30 s old (fresher right after a dispatch).
 */
@ApplicationScoped
public class StatusGauges {

    private static final Logger LOG = Logger.getLogger(StatusGauges.class);
    private static final List<String> SUBMISSION_STATUSES = List.of("queued", "calling", "succeeded", "failed");
    private static final List<String> TASK_STATUSES = List.of("pending", "generated", "dispatched");

    private final SubmissionRepository submissions;
    private final DispatchableTaskRepository tasks;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> submissionCounts = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> taskCounts = new ConcurrentHashMap<>();

    StatusGauges(SubmissionRepository submissions, DispatchableTaskRepository tasks, MeterRegistry registry) {
        this.submissions = submissions;
        this.tasks = tasks;
        this.registry = registry;
    }

    void register(@Observes StartupEvent event) {
        SUBMISSION_STATUSES.forEach(s -> Gauge.builder(SUBMISSIONS, submissionCounts.computeIfAbsent(s, k -> new AtomicLong()),
                AtomicLong::get).description("Submissions by status").tag(TAG_STATUS, s).register(registry));
        TASK_STATUSES.forEach(s -> Gauge.builder(TASKS_TODAY, taskCounts.computeIfAbsent(s, k -> new AtomicLong()),
                AtomicLong::get).description("Today's (UTC) tasks by status").tag(TAG_STATUS, s).register(registry));
        refresh();
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void refresh() {
        try {
            Map<String, Long> subs = QuarkusTransaction.requiringNew().call(submissions::countByStatus);
            Map<String, Long> today = QuarkusTransaction.requiringNew()
                    .call(() -> tasks.countByStatus(LocalDate.now(ZoneOffset.UTC)));
            SUBMISSION_STATUSES.forEach(s -> submissionCounts.computeIfAbsent(s, k -> new AtomicLong()).set(subs.getOrDefault(s, 0L)));
            TASK_STATUSES.forEach(s -> taskCounts.computeIfAbsent(s, k -> new AtomicLong()).set(today.getOrDefault(s, 0L)));
        } catch (RuntimeException e) {
            LOG.warnf("could not refresh status gauges: %s", e.getMessage());
        }
    }
}
