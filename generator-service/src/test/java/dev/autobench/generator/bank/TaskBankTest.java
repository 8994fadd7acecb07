package dev.autobench.generator.bank;

import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckKind;
import dev.autobench.common.checks.CheckValidation;
import dev.autobench.generator.task.Difficulty;
import dev.autobench.generator.task.TaskSpec;
import dev.autobench.llm.client.LlmRequest;
import dev.autobench.llm.demo.DemoProvider;
import dev.autobench.llm.demo.DemoQuality;
import dev.autobench.llm.demo.ReferencePages;
import dev.autobench.llm.provider.Provider;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TaskBankTest {

    static final TaskBank BANK = TaskBank.fromClasspath();

    @Test
    void theBankIsLargeAndBroad() {
        assertThat(BANK.size()).isGreaterThanOrEqualTo(60);
        assertThat(BANK.categories()).hasSizeGreaterThanOrEqualTo(8);
        // with 3 tasks a day, a 60-day window needs 180 templates to be honoured strictly
        assertThat(BANK.size()).isGreaterThanOrEqualTo(3 * 60);
        assertThat(BANK.templates()).extracting(TaskTemplate::difficulty)
                .contains(Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD);
    }

    @Test
    void everyTemplateBecomesACompleteSpecWhateverItsVariation() {
        for (TaskTemplate template : BANK.templates()) {
            for (int day = 0; day < 12; day++) {
                long seed = TemplateSelector.seed(TemplateSelectorTest.SECRET, LocalDate.of(2030, 1, 1).plusDays(day));
                TaskSpec spec = BankTaskSource.toDraft(
                        new TemplateSelector.Choice(template, TemplateSelector.variation(template, seed)), BANK).spec();

                assertThat(spec.title()).as(template.id()).isNotBlank().doesNotContain("{");
                assertThat(spec.category()).isEqualTo(template.category());
                assertThat(spec.difficulty()).isNotNull();
                assertThat(spec.templateId()).isEqualTo(template.id());
                assertThat(spec.variation().keySet()).isEqualTo(template.vary().keySet());
                assertThat(spec.acceptanceCriteria()).hasSizeGreaterThanOrEqualTo(3);
                assertThat(spec.outputContract().fencedBlocks()).isEqualTo(1);
                assertThat(spec.outputContract().selfContained()).isTrue();
                assertThat(spec.outputContract().networkAllowed()).isFalse();
                assertThat(spec.outputContract().viewportWidth()).isEqualTo(1280);
                assertThat(spec.outputContract().viewportHeight()).isEqualTo(800);
                assertThat(spec.summary()).doesNotContainPattern("\\{[a-zA-Z]+}");
                assertThat(spec.prompt())
                        .as("prompt of %s", template.id())
                        .doesNotContainPattern("\\{[a-zA-Z]+}")
                        .contains(spec.title(), spec.summary(), "## Output contract", "```html",
                                "self-contained", "1280×800", "network");
                spec.acceptanceCriteria().forEach(c -> assertThat(spec.prompt()).contains(c));
                assertThat(spec.checks()).as("checks of %s", template.id()).isNotEmpty()
                        .anyMatch(c -> c.kind() == CheckKind.NO_ERRORS)
                        .anyMatch(c -> c.kind().interaction() || c.kind() == CheckKind.ANIMATES);
                assertThat(CheckValidation.problems(spec.checks())).as(template.id()).isEmpty();
                assertThat(spec.prompt()).contains("## Automatic checks");
                spec.checks().forEach(c -> assertThat(spec.prompt())
                        .contains("[" + c.id() + "] " + c.description()).doesNotContain("{"));
            }
        }
    }

    @Test
    void theDemoModelsAnswerEveryBankTaskFromTheReferenceOfItsCheckSet() {
        DemoProvider demo = new DemoProvider(java.time.Duration.ZERO);
        for (TaskTemplate template : BANK.templates()) {
            long seed = TemplateSelector.seed(TemplateSelectorTest.SECRET, LocalDate.of(2030, 1, 1));
            TaskSpec spec = BankTaskSource.toDraft(
                    new TemplateSelector.Choice(template, TemplateSelector.variation(template, seed)), BANK).spec();
            String answer = demo.answer(new LlmRequest(Provider.DEMO, DemoQuality.EXCELLENT.apiModel(), null, "system",
                    spec.prompt(), 16_000, java.time.Duration.ofSeconds(30))).text();
            String reference = ReferencePages.of(template.checks()).html();
            String script = reference.substring(reference.indexOf("<script>"));
            assertThat(answer).as("the demo's answer to %s", template.id()).contains(script.strip());
        }
    }

    @Test
    void everyTemplateNamesACheckSetOfTheBankAndAnUnknownSetIsRejected() {
        assertThat(BANK.templates()).allSatisfy(t -> assertThat(BANK.checkSets()).containsKey(t.checks()));
        TaskTemplate good = BANK.templates().get(0);
        TaskTemplate unknown = new TaskTemplate("no-such-set", good.category(), good.title(), good.difficulty(),
                good.brief(), good.criteria(), good.vary(), "no-such-set", List.of());
        assertThatThrownBy(() -> new TaskBank(List.of(unknown), Map.of(), BANK.checkSets(), true))
                .hasMessageContaining("unknown check set 'no-such-set'");
        TaskTemplate none = new TaskTemplate("none", good.category(), good.title(), good.difficulty(),
                good.brief(), good.criteria(), good.vary());
        assertThatThrownBy(() -> new TaskBank(List.of(none), Map.of(), BANK.checkSets(), true))
                .hasMessageContaining("names no check set");
        Check broken = new Check("Bad Id", CheckKind.CLICK, "click", null, null, null, null, null);
        TaskTemplate brokenExtra = new TaskTemplate("broken-extra", good.category(), good.title(), good.difficulty(),
                good.brief(), good.criteria(), good.vary(), good.checks(), List.of(broken));
        assertThatThrownBy(() -> new TaskBank(List.of(brokenExtra), Map.of(), BANK.checkSets(), true))
                .hasMessageContaining("id must match").hasMessageContaining("needs a selector");
    }

    @Test
    void aBrokenTemplateIsRejectedWhenTheBankLoads() {
        TaskTemplate good = BANK.templates().get(0);
        TaskTemplate unknownPlaceholder = new TaskTemplate("broken", "game", "Broken {nothing}", Difficulty.EASY,
                "brief", List.of("a", "b", "c"), Map.of());
        TaskTemplate duplicate = new TaskTemplate(good.id(), good.category(), good.title(), good.difficulty(),
                good.brief(), good.criteria(), good.vary());
        TaskTemplate unusedAxis = new TaskTemplate("unused-axis", "game", "Title", Difficulty.EASY, "brief",
                List.of("a", "b", "c"), Map.of("size", List.of("1")));
        TaskTemplate fewCriteria = new TaskTemplate("few-criteria", "game", "Title", Difficulty.EASY, "brief",
                List.of("only one"), Map.of());

        assertThatThrownBy(() -> new TaskBank(List.of(good, unknownPlaceholder)))
                .hasMessageContaining("{nothing}");
        assertThatThrownBy(() -> new TaskBank(List.of(good, duplicate))).hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new TaskBank(List.of(good, unusedAxis))).hasMessageContaining("never used");
        assertThatThrownBy(() -> new TaskBank(List.of(good, fewCriteria))).hasMessageContaining("three");
    }
}
