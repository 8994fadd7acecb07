package dev.autobench.generator.drafting;

import java.util.List;

/**
 * Proposes a day's tasks. Implementations must be deterministic for a given request when they
 * can be (the bank is), and must return exactly {@code request.count()} drafts of distinct
 * categories outside {@code request.takenCategories()}, or throw.
 */
public interface TaskSource {

    List<TaskDraft> draft(DraftRequest request);
}
