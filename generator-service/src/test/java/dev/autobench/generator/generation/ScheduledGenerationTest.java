package dev.autobench.generator.generation;

import dev.autobench.generator.MutableClock;
import dev.autobench.generator.TasksTable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The in-process trigger, when enabled, fills the day by itself (fired every second here). */
@QuarkusTest
@TestProfile(ScheduledGenerationTest.EverySecond.class)
class ScheduledGenerationTest {

    public static class EverySecond implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("autobench.generator.schedule.enabled", "true",
                    "autobench.generator.schedule.cron", "* * * * * ?");
        }
    }

    @Inject
    MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.set(MutableClock.START);
    }

    @Test
    void theEnabledTriggerGeneratesTodayAndRepeatedFiringsAddNothing() {
        LocalDate day = LocalDate.parse("2032-03-03");
        clock.set(Instant.parse("2032-03-03T00:00:01Z"));

        await().atMost(Duration.ofSeconds(20)).until(() -> TasksTable.countFor(day) == 3);
        // let it fire a few more times on the same day
        Instant later = Instant.now().plusSeconds(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(later));
        assertThat(TasksTable.countFor(day)).isEqualTo(3);
    }
}
