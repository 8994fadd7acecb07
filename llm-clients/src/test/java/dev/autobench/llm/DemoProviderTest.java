package dev.autobench.llm;

import dev.autobench.llm.demo.DemoQuality;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DemoProviderTest {

    static final LlmClient CLIENT = LlmClient.create(new ProviderClientsTest.StaticEndpoints("http://127.0.0.1:9", Map.of()),
            Duration.ofSeconds(1), Duration.ofMillis(5));

    static LlmResponse ask(String model, String title, String category) {
        return CLIENT.call(new LlmRequest(Provider.DEMO, model, null, "system",
                "Title: " + title + "\nCategory: " + category + "\n\nBuild it as one HTML file.", 8192, Duration.ofSeconds(5)));
    }

    @ParameterizedTest
    @CsvSource({
            "Bouncing particles, animation, requestAnimationFrame",
            "Weekly sales bar chart, data-visualization, createElementNS",
            "Tic-tac-toe against the computer, game, bestMove",
            "Word counter, text, words.length",
            "Pomodoro task list, productivity, items.filter",
    })
    void pagesFitTheTask(String title, String category, String marker) {
        for (DemoQuality quality : new DemoQuality[]{DemoQuality.EXCELLENT, DemoQuality.GOOD, DemoQuality.PLAIN}) {
            LlmResponse response = ask(quality.apiModel(), title, category);
            ExtractedCode code = CodeExtractor.extract(response.text()).orElseThrow();
            assertThat(code.html()).contains("<title>" + title + "</title>").contains(marker);
            assertThat(response.text()).contains("offline demo");
            assertThat(response.inputTokens()).isPositive();
            assertThat(response.outputTokens()).isGreaterThan(200);
        }
    }

    @Test
    void qualityLevelsDifferAndAreDeterministic() {
        String excellent = ask("demo-excellent", "Bouncing particles", "animation").text();
        String plain = ask("demo-plain", "Bouncing particles", "animation").text();
        assertThat(excellent).isEqualTo(ask("demo-excellent", "Bouncing particles", "animation").text());
        assertThat(excellent.length()).isGreaterThan(plain.length());
        assertThat(plain).doesNotContain("<style>");
    }

    @Test
    void buggyPagesThrowAfterLoadingAndNocodeAnswersHaveNoCode() {
        String buggy = CodeExtractor.extract(ask("demo-buggy", "Word counter", "text").text()).orElseThrow().html();
        assertThat(buggy).contains("getElementById('details-panel').classList").doesNotContain("id=\"details-panel\"");

        Optional<ExtractedCode> none = CodeExtractor.extract(ask("demo-nocode", "Word counter", "text").text());
        assertThat(none).isEmpty();
    }

    @Test
    void anUnknownDemoModelIsABadRequest() {
        LlmCallException e = catchThrowableOfType(LlmCallException.class, () -> ask("demo-genius", "x", "y"));
        assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
    }
}
