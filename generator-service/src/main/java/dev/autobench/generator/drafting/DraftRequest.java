package dev.autobench.generator.drafting;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What a {@link TaskSource} is asked for.
 *
 * @param date            the UTC day the tasks are for
 * @param count           how many tasks are still missing for that day
 * @param takenCategories categories the day already has (they must not be used again)
 * @param history         templates used on other days near {@code date}
 */
public record DraftRequest(LocalDate date, int count, Set<String> takenCategories, List<TemplateUsage> history) {

    public DraftRequest {
        if (count < 1) {
            throw new IllegalArgumentException("count must be positive");
        }
        takenCategories = Set.copyOf(takenCategories);
        history = List.copyOf(history);
    }
}
