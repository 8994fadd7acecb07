package dev.autobench.generator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How many tasks a day, how long a template rests, and when the in-process trigger fires. */
@ConfigMapping(prefix = "autobench.generator")
public interface GeneratorConfig {

    /** Tasks created per UTC day; the database keeps at most one task per (date, slot). */
    @WithDefault("3")
    @Min(1)
    @Max(10)
    int tasksPerDay();

    /** A bank template appears at most once in any window of this many consecutive days. */
    @WithDefault("60")
    @Min(0)
    int noRepeatDays();

    Schedule schedule();

    interface Schedule {

        /** Off by default: Kubernetes CronJobs trigger generation in production. */
        @WithDefault("false")
        boolean enabled();

        /** Quartz-style cron, evaluated in UTC; read by the {@code @Scheduled} trigger itself. */
        @WithDefault("0 0 0 * * ?")
        String cron();
    }
}
