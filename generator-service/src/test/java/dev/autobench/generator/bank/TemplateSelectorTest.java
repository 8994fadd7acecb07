package dev.autobench.generator.bank;

import dev.autobench.generator.drafting.TemplateUsage;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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
    static final byte[] SECRET = "selector-test-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

    @Test
    void aSimulatedYearNeverRepeatsATemplateInsideTheWindowAndCoversEveryCategory() {
        TemplateSelector selector = new TemplateSelector(BANK, WINDOW, SECRET);
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
        TemplateSelector one = new TemplateSelector(BANK, WINDOW, SECRET);
        TemplateSelector other = new TemplateSelector(TaskBank.fromClasspath(), WINDOW, SECRET);
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
        TemplateSelector selector = new TemplateSelector(BANK, WINDOW, SECRET);
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
        TemplateSelector selector = new TemplateSelector(BANK, WINDOW, SECRET);
        Set<String> taken = Set.of("game", "puzzle");
        List<TemplateSelector.Choice> chosen = selector.select(LocalDate.of(2030, 1, 1), 1, taken, List.of());
        assertThat(chosen).singleElement().satisfies(c -> assertThat(taken).doesNotContain(c.template().category()));
    }

    @Test
    void aBankTooSmallForTheWindowStillFillsTheDayWithTheLongestUnusedTemplates() {
        TemplateSelector selector = new TemplateSelector(BANK, 10_000, SECRET);
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
        Map<String, String> variation = TemplateSelector.variation(template, TemplateSelector.seed(TemplateSelectorTest.SECRET, LocalDate.of(2030, 1, 1)));
        assertThat(variation.keySet()).isEqualTo(template.vary().keySet());
        variation.forEach((axis, value) -> assertThat(template.vary().get(axis)).contains(value));
    }

    @Test
    void replicasSharingTheSecretAgreeAndAnotherSecretChoosesOtherwise() {
        TemplateSelector replica = new TemplateSelector(TaskBank.fromClasspath(), WINDOW, SECRET.clone());
        TemplateSelector ours = new TemplateSelector(BANK, WINDOW, SECRET);
        TemplateSelector theirs = new TemplateSelector(BANK, WINDOW,
                "another-deployments-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        int differentDays = 0;
        LocalDate first = LocalDate.of(2031, 3, 1);
        for (int d = 0; d < 30; d++) {
            LocalDate day = first.plusDays(d);
            List<TemplateSelector.Choice> chosen = ours.select(day, PER_DAY, Set.of(), List.of());
            assertThat(replica.select(day, PER_DAY, Set.of(), List.of())).isEqualTo(chosen);
            if (!ids(theirs.select(day, PER_DAY, Set.of(), List.of())).equals(ids(chosen))) {
                differentDays++;
            }
        }
        assertThat(differentDays).isGreaterThanOrEqualTo(28);
    }

    @Test
    void withoutTheSecretThePublicCodeCannotTellAFutureDaysTemplates() {
        // what an outsider can run: the selection keyed by the old public date function, or by a guessed
        // secret (the development stand-in that ships in the code)
        TemplateSelector real = new TemplateSelector(BANK, WINDOW, SECRET);
        TemplateSelector devGuess = new TemplateSelector(BANK, WINDOW,
                BankTaskSource.DEV_SECRET.getBytes(StandardCharsets.UTF_8));
        int days = 60;
        int publicHits = 0;
        int guessHits = 0;
        int exactDays = 0;
        LocalDate first = LocalDate.of(2031, 6, 1);
        for (int d = 0; d < days; d++) {
            LocalDate day = first.plusDays(d);
            Set<String> actual = ids(real.select(day, PER_DAY, Set.of(), List.of()));
            Set<String> predicted = publicPrediction(day);
            Set<String> guessed = ids(devGuess.select(day, PER_DAY, Set.of(), List.of()));
            publicHits += (int) predicted.stream().filter(actual::contains).count();
            guessHits += (int) guessed.stream().filter(actual::contains).count();
            exactDays += predicted.equals(actual) ? 1 : 0;
        }
        // chance alone gets about PER_DAY × PER_DAY / |bank| a day (≈ 3 of the 180 picks); a working
        // predictor would get all 180
        assertThat(exactDays).isZero();
        assertThat(publicHits).isLessThan(20);
        assertThat(guessHits).isLessThan(20);
    }

    /** The day's templates as an attacker predicts them from a seed that is a public function of the date. */
    private static Set<String> publicPrediction(LocalDate day) {
        long seed = TemplateSelector.mix(day.toEpochDay() * 0x9E3779B97F4A7C15L + 0x41757430426E6368L);
        List<TaskTemplate> pool = new ArrayList<>(BANK.templates());
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
        for (int i = pool.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            TaskTemplate tmp = pool.get(i);
            pool.set(i, pool.get(j));
            pool.set(j, tmp);
        }
        Set<String> categories = new HashSet<>();
        Set<String> chosen = new HashSet<>();
        for (TaskTemplate t : pool) {
            if (chosen.size() < PER_DAY && categories.add(t.category())) {
                chosen.add(t.id());
            }
        }
        return chosen;
    }

    private static Set<String> ids(List<TemplateSelector.Choice> choices) {
        Set<String> ids = new HashSet<>();
        choices.forEach(c -> ids.add(c.template().id()));
        return ids;
    }

    @Test
    void productionRefusesToStartWithoutALongEnoughSecret() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BankTaskSource.selectionSecret(
                        java.util.Optional.empty(), io.quarkus.runtime.LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AUTOBENCH_GENERATOR_SELECTION_SECRET");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> BankTaskSource.selectionSecret(
                        java.util.Optional.of("short"), io.quarkus.runtime.LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class);
        assertThat(BankTaskSource.selectionSecret(java.util.Optional.of("x".repeat(32)),
                io.quarkus.runtime.LaunchMode.NORMAL)).hasSize(32);
        assertThat(BankTaskSource.selectionSecret(java.util.Optional.empty(), io.quarkus.runtime.LaunchMode.DEVELOPMENT))
                .isEqualTo(BankTaskSource.DEV_SECRET.getBytes(StandardCharsets.UTF_8));
    }

    private static List<TemplateUsage> within(List<TemplateUsage> history, LocalDate day, int days) {
        return history.stream()
                .filter(u -> Math.abs(u.date().toEpochDay() - day.toEpochDay()) < days)
                .toList();
    }
}
