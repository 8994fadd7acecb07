package dev.autobench.generator.bank;

import dev.autobench.generator.config.GeneratorConfig;
import dev.autobench.generator.task.TaskOrigin;
import dev.autobench.generator.drafting.DraftRequest;
import dev.autobench.generator.drafting.TaskDraft;
import dev.autobench.generator.drafting.TaskSource;
import dev.autobench.generator.drafting.TaskSpecFactory;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The offline default source: curated templates, chosen and varied deterministically by date, keyed by the selection secret. */
@ApplicationScoped
public class BankTaskSource implements TaskSource {

    private static final Logger LOG = Logger.getLogger(BankTaskSource.class);

    private final TaskBank bank;
    private final TemplateSelector selector;
    private final GeneratorConfig config;

    public BankTaskSource(GeneratorConfig config) {
        this.config = config;
        this.bank = TaskBank.fromClasspath();
        this.selector = new TemplateSelector(bank, config.noRepeatDays(), selectionSecret(config.selectionSecret(), LaunchMode.current()));
    }

    static final int MIN_SECRET_LENGTH = 32;
    /** Outside prod only: a fixed stand-in, so dev runs and retries still agree with themselves. */
    static final String DEV_SECRET = "autobench-dev-selection-secret-not-for-production";

    static byte[] selectionSecret(java.util.Optional<String> configured, LaunchMode mode) {
        String secret = configured.filter(s -> !s.isBlank()).orElse(null);
        if (mode == LaunchMode.NORMAL && (secret == null || secret.length() < MIN_SECRET_LENGTH)) {
            throw new IllegalStateException("AUTOBENCH_GENERATOR_SELECTION_SECRET must be set to at least "
                    + MIN_SECRET_LENGTH + " characters in production: without it anyone can compute which"
                    + " templates every future day gets");
        }
        if (secret == null) {
            LOG.warn("AUTOBENCH_GENERATOR_SELECTION_SECRET is not set: using a fixed development secret, so future"
                    + " days' tasks are predictable from the public code");
            secret = DEV_SECRET;
        }
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    void checkCapacity(@Observes StartupEvent event) {
        int perDay = config.tasksPerDay();
        if (bank.categories().size() < perDay) {
            throw new IllegalStateException("autobench.generator.tasks-per-day=" + perDay + " needs at least as many"
                    + " bank categories, the bank has " + bank.categories().size());
        }
        long needed = (long) perDay * config.noRepeatDays();
        if (bank.size() < needed) {
            LOG.warnf("the task bank holds %d templates; %d tasks a day with a %d-day no-repeat window need %d:"
                            + " templates will repeat sooner (longest-unused first)",
                    bank.size(), perDay, config.noRepeatDays(), needed);
        }
        LOG.infof("task bank: %d templates in %d categories", bank.size(), bank.categories().size());
    }

    @Override
    public List<TaskDraft> draft(DraftRequest request) {
        return selector.select(request.date(), request.count(), request.takenCategories(), request.history())
                .stream()
                .map(choice -> toDraft(choice, bank))
                .toList();
    }

    static TaskDraft toDraft(TemplateSelector.Choice choice, TaskBank bank) {
        TaskTemplate t = choice.template();
        Map<String, String> v = choice.variation();
        return new TaskDraft(TaskOrigin.BANK, TaskSpecFactory.create(
                TaskTemplate.fill(t.title(), v), t.category(), t.difficulty(), TaskTemplate.fill(t.brief(), v),
                t.criteria().stream().map(c -> TaskTemplate.fill(c, v)).toList(), t.id(), v, null,
                bank.checksFor(t, v)));
    }

    public TaskBank bank() {
        return bank;
    }
}
