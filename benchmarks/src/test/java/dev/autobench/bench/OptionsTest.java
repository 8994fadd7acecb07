package dev.autobench.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OptionsTest {

    @Test
    void readsNameValuePairsAndFallsBack() {
        Options options = Options.parse(new String[] {"--jdbc", "jdbc:postgresql://x/db", "--models", "4,20"});

        assertThat(options.required("jdbc")).isEqualTo("jdbc:postgresql://x/db");
        assertThat(options.get("models", "1")).isEqualTo("4,20");
        assertThat(options.get("user", "autobench")).isEqualTo("autobench");
    }

    @Test
    void saysWhichOptionIsMissingOrDangling() {
        assertThatThrownBy(() -> Options.parse(new String[0]).required("jdbc")).hasMessageContaining("--jdbc");
        assertThatThrownBy(() -> Options.parse(new String[] {"--models"})).hasMessageContaining("--models");
        assertThatThrownBy(() -> Options.parse(new String[] {"models", "4"})).hasMessageContaining("models");
    }
}
