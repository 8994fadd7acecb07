package dev.autobench.llm.demo;

import dev.autobench.llm.client.FailureKind;
import dev.autobench.llm.client.LlmCallException;
import dev.autobench.llm.client.LlmClient;
import dev.autobench.llm.client.LlmRequest;
import dev.autobench.llm.client.LlmResponse;
import dev.autobench.llm.extract.CodeExtractor;
import dev.autobench.llm.extract.ExtractedCode;
import dev.autobench.llm.provider.Provider;
import dev.autobench.llm.provider.StaticEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class DemoProviderTest {

    static final LlmClient CLIENT = LlmClient.create(new StaticEndpoints("http://127.0.0.1:9", Map.of()),
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

    static String askWithChecks(String model, String title, String... checkIds) {
        StringBuilder prompt = new StringBuilder("# Task: " + title + "\nCategory: game\n\nBuild it.\n\n"
                + "## Acceptance criteria\n1. It works.\n\n## Automatic checks\nA robot runs these.\n");
        for (String id : checkIds) {
            prompt.append("- [").append(id).append("] what ").append(id).append(" means\n");
        }
        prompt.append("\n## Output contract\nOne html block.\n");
        LlmResponse response = CLIENT.call(new LlmRequest(Provider.DEMO, model, null, "system", prompt.toString(), 8192,
                Duration.ofSeconds(5)));
        return CodeExtractor.extract(response.text()).orElseThrow().html();
    }

    @Test
    void aPromptThatListsABankCheckSetIsAnsweredFromItsReferenceAtTheModelsQuality() {
        String excellent = askWithChecks("demo-excellent", "Snake on a 20×20 board",
                "game-area", "keys-play", "responsive", "no-errors", "score");
        assertThat(excellent).contains("<h1>Snake on a 20×20 board</h1>").contains("window.addEventListener('keydown'")
                .contains("/* polish */").doesNotContain("autobench reference");
        assertThat(askWithChecks("demo-plain", "Snake on a 20×20 board", "game-area", "keys-play", "responsive", "no-errors"))
                .doesNotContain("/* polish */").contains("window.addEventListener('keydown'");
        String buggy = askWithChecks("demo-buggy", "Snake", "game-area", "keys-play", "responsive", "no-errors");
        assertThat(buggy).doesNotContain("addEventListener(").contains("removeEventListener(")
                .contains("state.ready = true");

        assertThat(askWithChecks("demo-good", "Lava lamp", "scene", "moves", "responsive", "no-errors"))
                .contains("<h1>Lava lamp</h1>").contains("createRadialGradient");
        assertThat(askWithChecks("demo-good", "Word counter", "text-input", "typing", "responsive", "no-errors"))
                .contains("<textarea");
        // checks no reference covers: the generic demo page
        assertThat(askWithChecks("demo-good", "Weekly sales bar chart", "teleport", "no-errors"))
                .doesNotContain("/* polish */");
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
