package dev.autobench.generator.generation;

import dev.autobench.generator.config.GeneratorConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;

import static org.assertj.core.api.Assertions.assertThat;

class DailyGenerationTriggerTest {

    @Test
    void theTriggerIsSkippedUnlessEnabled() {
        assertThat(new DailyGenerationTrigger.WhenDisabled(config(false)).test(null)).isTrue();
        assertThat(new DailyGenerationTrigger.WhenDisabled(config(true)).test(null)).isFalse();
    }

    private static GeneratorConfig config(boolean enabled) {
        GeneratorConfig.Schedule schedule = (GeneratorConfig.Schedule) Proxy.newProxyInstance(
                DailyGenerationTriggerTest.class.getClassLoader(), new Class<?>[]{GeneratorConfig.Schedule.class},
                (p, m, a) -> m.getName().equals("enabled") ? enabled : "0 0 0 * * ?");
        return (GeneratorConfig) Proxy.newProxyInstance(DailyGenerationTriggerTest.class.getClassLoader(),
                new Class<?>[]{GeneratorConfig.class},
                (p, m, a) -> m.getName().equals("schedule") ? schedule : null);
    }
}
