package dev.autobench.generator.service;

import dev.autobench.generator.bank.BankTaskSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Asks the configured source for a day's drafts and checks that the answer honours the
 * {@link TaskSource} contract before anything is written.
 */
@ApplicationScoped
public class TaskDrafter {

    private final TaskSource bank;

    public TaskDrafter(BankTaskSource bank) {
        this.bank = bank;
    }

    public List<TaskDraft> draft(DraftRequest request) {
        List<TaskDraft> drafts;
        try {
            drafts = bank.draft(request);
        } catch (RuntimeException e) {
            throw new TaskSourceException("the task bank could not draft " + request.count() + " tasks for "
                    + request.date() + ": " + e.getMessage(), e);
        }
        return checked(request, drafts);
    }

    static List<TaskDraft> checked(DraftRequest request, List<TaskDraft> drafts) {
        if (drafts.size() != request.count()) {
            throw new TaskSourceException("expected " + request.count() + " drafts, got " + drafts.size(), null);
        }
        Set<String> categories = new HashSet<>(request.takenCategories());
        for (TaskDraft d : drafts) {
            if (!categories.add(d.category())) {
                throw new TaskSourceException("two tasks of " + request.date() + " share category " + d.category(), null);
            }
        }
        return drafts;
    }
}
