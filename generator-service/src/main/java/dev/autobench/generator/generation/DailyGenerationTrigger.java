package dev.autobench.generator.generation;

import dev.autobench.generator.config.GeneratorConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/**
 * The in-process trigger, for installations without an external scheduler. Several replicas may
 * all fire at midnight: the per-date lock and the (task_date, slot) invariant make that harmless.
 */
@ApplicationScoped
public class DailyGenerationTrigger {

    private static final Logger LOG = Logger.getLogger(DailyGenerationTrigger.class);

    private final TaskGenerationService generation;

    public DailyGenerationTrigger(TaskGenerationService generation) {
        this.generation = generation;
    }

    @Scheduled(identity = "daily-task-generation",
            cron = "${autobench.generator.schedule.cron:0 0 0 * * ?}",
            timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = WhenDisabled.class)
    void generateToday() {
        LocalDate today = generation.today();
        try {
            GenerationResult result = generation.generate(today);
            LOG.infof("scheduled generation for %s: %d created, %d in total", today, result.created(),
                    result.tasks().size());
        } catch (RuntimeException e) {
            // already counted and logged by the service; the next trigger (or the CronJob) retries
            LOG.debug("scheduled generation failed", e);
        }
    }

    /** Skips the trigger unless {@code autobench.generator.schedule.enabled=true}. */
    @Singleton
    public static class WhenDisabled implements Scheduled.SkipPredicate {

        private final GeneratorConfig config;

        public WhenDisabled(GeneratorConfig config) {
            this.config = config;
        }

        @Override
        public boolean test(ScheduledExecution execution) {
            return !config.schedule().enabled();
        }
    }
}
