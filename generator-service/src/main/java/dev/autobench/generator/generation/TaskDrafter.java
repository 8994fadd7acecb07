package dev.autobench.generator.generation;

import dev.autobench.generator.drafting.DraftRequest;
import dev.autobench.generator.drafting.TaskDraft;
import dev.autobench.generator.drafting.TaskSource;
import dev.autobench.generator.drafting.TaskSourceException;
import dev.autobench.generator.metrics.GeneratorMetrics;
import dev.autobench.generator.author.LlmTaskAuthor;
import dev.autobench.generator.bank.BankTaskSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Chooses the day's source: the LLM author when enabled, the bank otherwise and whenever the
 * author fails. Every source's answer is checked against the {@link TaskSource} contract before
 * anything is written.
 */
@ApplicationScoped
public class TaskDrafter {

    private static final Logger LOG = Logger.getLogger(TaskDrafter.class);

    private final BankTaskSource bank;
    private final LlmTaskAuthor author;
    private final GeneratorMetrics metrics;

    public TaskDrafter(BankTaskSource bank, LlmTaskAuthor author, GeneratorMetrics metrics) {
        this.bank = bank;
        this.author = author;
        this.metrics = metrics;
    }

    public List<TaskDraft> draft(DraftRequest request) {
        if (author.enabled()) {
            try {
                return checked(request, author.draft(request));
            } catch (RuntimeException e) {
                metrics.authorFellBack();
                LOG.warnf("the LLM task author failed for %s, the bank stands in: %s", request.date(), e.getMessage());
            }
        }
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
