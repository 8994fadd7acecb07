package dev.autobench.generator.generation;

import dev.autobench.generator.drafting.TaskSourceException;
import dev.autobench.generator.metrics.GeneratorMetrics;
import dev.autobench.generator.task.Task;
import dev.autobench.generator.task.TaskSlotRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The generator's entry point for every trigger (REST, scheduler). Meters are updated only
 * after the transaction committed, so they never count work that was rolled back.
 */
@ApplicationScoped
public class TaskGenerationService {

    private static final Logger LOG = Logger.getLogger(TaskGenerationService.class);

    private final SlotReservation slots;
    private final DailyTaskWriter writer;
    private final TaskSlotRepository tasks;
    private final GeneratorMetrics metrics;
    private final Clock clock;

    public TaskGenerationService(SlotReservation slots, DailyTaskWriter writer, TaskSlotRepository tasks, GeneratorMetrics metrics, Clock clock) {
        this.slots = slots;
        this.writer = writer;
        this.tasks = tasks;
        this.metrics = metrics;
        this.clock = clock;
    }

    /** The current UTC date, by the injected clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    public GenerationResult generate(LocalDate date) {
        GenerationResult result;
        try {
            // two transactions: the slots are taken (pending) and committed before drafting starts
            slots.reserve(date);
            result = writer.fill(date);
        } catch (RuntimeException e) {
            GeneratorMetrics.FailureReason reason = reasonOf(e);
            metrics.failed(reason);
            LOG.errorf("generating the tasks of %s failed (%s): %s", date, reason.tag(), e.getMessage());
            throw e;
        }
        result.createdByOrigin().forEach(metrics::generated);
        metrics.succeededAt(clock.instant());
        if (result.created() > 0) {
            LOG.infof("created %d task(s) for %s: %s", result.created(), date,
                    result.tasks().stream().map(t -> t.slot + "=" + t.templateId).toList());
        }
        return result;
    }

    @Transactional
    public List<Task> tasksOf(LocalDate date) {
        return tasks.forDate(date);
    }

    /** A restart must not make the last-success gauge look like an outage. */
    void restoreLastSuccess(@Observes StartupEvent event) {
        try {
            QuarkusTransaction.requiringNew().call(tasks::lastGeneratedAt).ifPresent(metrics::succeededAt);
        } catch (RuntimeException e) {
            LOG.warnf("cannot read the last generation time at start; the gauge stays 0 until the next run: %s",
                    e.getMessage());
        }
    }

    static GeneratorMetrics.FailureReason reasonOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof TaskSourceException) {
                return GeneratorMetrics.FailureReason.SOURCE;
            }
            if (t instanceof SQLException || t instanceof PersistenceException
                    || t instanceof org.hibernate.HibernateException) {
                return GeneratorMetrics.FailureReason.DATABASE;
            }
        }
        return GeneratorMetrics.FailureReason.INTERNAL;
    }
}
