package dev.autobench.generator.bank;

import dev.autobench.generator.service.TemplateUsage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TemplateSelectorTest {

    static final TaskBank BANK = TaskBank.fromClasspath();
    static final int PER_DAY = 3;
    static final int WINDOW = 60;

    @Test
    void aSimulatedYearNeverRepeatsATemplateInsideTheWindowAndCoversEveryCategory() {
        TemplateSelector selector = new TemplateSelector(BANK, WINDOW);
        List<TemplateUsage> history = new ArrayList<>();
        Map<String, LocalDate> lastUse = new HashMap<>();
        Set<String> categoriesSeen = new HashSet<>();
        Set<String> templatesSeen = new HashSet<>();
        Set<String> variationsSeen = new HashSet<>();

        LocalDate first = LocalDate.of(2027, 1, 1);
        for (LocalDate day = first; day.isBefore(first.plusYears(1)); day = day.plusDays(1)) {
            List<TemplateUsage> window = within(history, day, WINDOW);
            List<TemplateSelector.Choice> chosen = selector.select(day, PER_DAY, Set.of(), window);

            assertThat(chosen).hasSize(PER_DAY);
            assertThat(chosen.stream().map(c -> c.template().category()).distinct()).hasSize(PER_DAY);
            for (TemplateSelector.Choice c : chosen) {
                String id = c.template().id();
                LocalDate previous = lastUse.put(id, day);
                if (previous != null) {
                    assertThat(previous.plusDays(WINDOW))
                            .as("template %s used on %s and again on %s", id, previous, day)
                            .isBeforeOrEqualTo(day);
                }
                history.add(new TemplateUsage(id, c.template().category(), c.template().title(), day));
                categoriesSeen.add(c.template().category());
                templatesSeen.add(id);
                variationsSeen.add(id + c.variation());
            }
        }
        assertThat(categoriesSeen).isEqualTo(BANK.categories());
        assertThat(templatesSeen).hasSizeGreaterThan(BANK.size() * 9 / 10);
        // the same template comes back in another guise
        assertThat(variationsSeen.size()).isGreaterThan(templatesSeen.size());
    }

    @Test
    void theChoiceIsAFunctionOfTheDateAndTheHistory() {
        TemplateSelector one = new TemplateSelector(BANK, WINDOW);
        TemplateSelector other = new TemplateSelector(TaskBank.fromClasspath(), WINDOW);
        LocalDate day = LocalDate.of(2028, 2, 29);
        List<TemplateUsage> history = List.of(
                new TemplateUsage("snake", "game", "Snake", day.minusDays(3)),
                new TemplateUsage("sudoku", "puzzle", "Sudoku", day.minusDays(10)));

        assertThat(one.select(day, PER_DAY, Set.of(), history)).isEqualTo(other.select(day, PER_DAY, Set.of(), history));
        assertThat(one.select(day, PER_DAY, Set.of(), history))
                .isNotEqualTo(one.select(day.plusDays(1), PER_DAY, Set.of(), history));
    }

    @Test
    void templatesUsedInsideTheWindowOnEitherSideAreAvoided() {
        TemplateSelector selector = new TemplateSelector(BANK, WINDOW);
        LocalDate day = LocalDate.of(2029, 6, 15);
        List<TemplateSelector.Choice> unconstrained = selector.select(day, PER_DAY, Set.of(), List.of());
        List<TemplateUsage> history = new ArrayList<>();
        for (TemplateSelector.Choice c : unconstrained) {
            history.add(new TemplateUsage(c.template().id(), c.template().category(), "x", day.plusDays(WINDOW - 1)));
        }

        List<TemplateSelector.Choice> backfill = selector.select(day, PER_DAY, Set.of(), history);
        assertThat(backfill).extracting(c -> c.template().id())
                .doesNotContainAnyElementsOf(unconstrained.stream().map(c -> c.template().id()).toList());
    }

    @Test
    void categoriesTheDayAlreadyHasAreNotChosenAgain() {
        TemplateSelector selector = new TemplateSelector(BANK, WINDOW);
        Set<String> taken = Set.of("game", "puzzle");
        List<TemplateSelector.Choice> chosen = selector.select(LocalDate.of(2030, 1, 1), 1, taken, List.of());
        assertThat(chosen).singleElement().satisfies(c -> assertThat(taken).doesNotContain(c.template().category()));
    }

    @Test
    void aBankTooSmallForTheWindowStillFillsTheDayWithTheLongestUnusedTemplates() {
        TemplateSelector selector = new TemplateSelector(BANK, 10_000);
        List<TemplateUsage> history = new ArrayList<>();
        LocalDate first = LocalDate.of(2031, 1, 1);
        Map<String, LocalDate> lastUse = new HashMap<>();
        for (LocalDate day = first; day.isBefore(first.plusDays(150)); day = day.plusDays(1)) {
            List<TemplateSelector.Choice> chosen = selector.select(day, PER_DAY, Set.of(), history);
            assertThat(chosen).hasSize(PER_DAY);
            for (TemplateSelector.Choice c : chosen) {
                LocalDate previous = lastUse.put(c.template().id(), day);
                if (previous != null) {
                    // every template had its turn before any came back
                    assertThat(previous.plusDays(BANK.size() / PER_DAY - 10)).isBefore(day);
                }
                history.add(new TemplateUsage(c.template().id(), c.template().category(), "x", day));
            }
        }
    }

    @Test
    void aVariationTakesOneListedValuePerAxis() {
        TaskTemplate template = BANK.templates().stream().filter(t -> t.vary().size() >= 2).findFirst().orElseThrow();
        Map<String, String> variation = TemplateSelector.variation(template, TemplateSelector.seed(LocalDate.of(2030, 1, 1)));
        assertThat(variation.keySet()).isEqualTo(template.vary().keySet());
        variation.forEach((axis, value) -> assertThat(template.vary().get(axis)).contains(value));
    }

    private static List<TemplateUsage> within(List<TemplateUsage> history, LocalDate day, int days) {
        return history.stream()
                .filter(u -> Math.abs(u.date().toEpochDay() - day.toEpochDay()) < days)
                .toList();
    }
}
