package dev.autobench.generator.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.generator.bank.BankTaskSource;
import dev.autobench.generator.config.GeneratorConfig;
import dev.autobench.generator.drafting.DraftRequest;
import dev.autobench.generator.drafting.TaskDraft;
import dev.autobench.generator.drafting.TaskSource;
import dev.autobench.generator.drafting.TaskSpecFactory;
import dev.autobench.generator.drafting.TemplateUsage;
import dev.autobench.generator.task.TaskOrigin;
import dev.autobench.llm.client.FailureKind;
import dev.autobench.llm.client.LlmCallException;
import dev.autobench.llm.client.LlmClient;
import dev.autobench.llm.client.LlmRequest;
import dev.autobench.llm.client.LlmResponse;
import dev.autobench.llm.ledger.AttemptOutcome;
import dev.autobench.llm.ledger.CallStart;
import dev.autobench.llm.ledger.ProviderCallLedger;
import dev.autobench.llm.metrics.LlmCallMeters;
import dev.autobench.llm.provider.Provider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks one configured model for the day's tasks: exactly one provider call per drafting, recorded
 * in the provider-call ledger before it is sent and metered like the dispatcher's calls. The tasks keep only the
 * checks that the author's own reference page passes ({@link ReferenceProof}). Any failure
 * surfaces as a {@link TaskAuthorException}; the caller falls back to the bank.
 */
@ApplicationScoped
public class LlmTaskAuthor implements TaskSource {

    private static final Logger LOG = Logger.getLogger(LlmTaskAuthor.class);
    private static final int RECENT_TITLES = 30;
    /** An author call still in flight this long after its timeout has lost its process. */
    private static final Duration ABANDON_MARGIN = Duration.ofMinutes(10);

    private final LlmClient llm;
    private final ProviderCallLedger ledger;
    private final BankTaskSource bank;
    private final GeneratorConfig.Author config;
    private final AuthoredTasksParser parser;
    private final LlmCallMeters meters;
    private final ReferenceProof proof;

    public LlmTaskAuthor(LlmClient llm, ProviderCallLedger ledger, BankTaskSource bank, GeneratorConfig config,
                         ObjectMapper json, LlmCallMeters meters, ReferenceProof proof) {
        this.llm = llm;
        this.proof = proof;
        this.ledger = ledger;
        this.meters = meters;
        this.bank = bank;
        this.config = config.author();
        this.parser = new AuthoredTasksParser(json);
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** A misconfigured author stops the service at start rather than silently never being used. */
    void checkConfiguration(@Observes StartupEvent event) {
        if (!config.enabled()) {
            return;
        }
        Provider provider = provider();
        if (config.model().filter(m -> !m.isBlank()).isEmpty()) {
            throw new IllegalStateException("autobench.generator.author.enabled=true needs autobench.generator.author.model");
        }
        if (config.baseUrl().isEmpty() && !llm.isConfigured(provider)) {
            LOG.warnf("the LLM task author uses provider %s, which has no API key or address: every day will fall"
                    + " back to the bank", provider);
        }
        LOG.infof("LLM task author enabled: %s/%s", provider, config.model().get());
    }

    @Override
    public List<TaskDraft> draft(DraftRequest request) {
        Provider provider = provider();
        String model = config.model().orElseThrow(() -> new TaskAuthorException("no author model configured"));
        Map<String, String> categories = new LinkedHashMap<>();
        for (String category : bank.bank().categories()) {
            if (!request.takenCategories().contains(category)) {
                categories.put(category, bank.bank().describe(category));
            }
        }
        Set<String> recentTitles = new TreeSet<>(request.history().stream().map(TemplateUsage::title).toList());
        String user = AuthorPrompt.user(request.date(), request.count(), categories,
                recentTitles.stream().limit(RECENT_TITLES).toList());

        LlmRequest call = new LlmRequest(provider, model, config.baseUrl().orElse(null), AuthorPrompt.SYSTEM, user,
                config.maxOutputTokens(), config.timeout());
        String answer = callOnce(call);

        String author = provider.id() + "/" + model;
        List<AuthoredTask> tasks = proof.prove(parser.parse(answer, request.count(), categories.keySet()));
        return tasks.stream()
                .map(t -> new TaskDraft(TaskOrigin.LLM, TaskSpecFactory.create(t.title(), t.category(), t.difficulty(),
                        t.summary(), t.criteria(), null, Map.of(), author, t.checks())))
                .toList();
    }

    /**
     * One call, its ledger row committed before it is sent and its outcome after, each in its own transaction: a
     * call stays on record even when the day's generation rolls back afterwards.
     */
    private String callOnce(LlmRequest request) {
        String provider = request.provider().id();
        String model = request.apiModel();
        long row;
        try {
            row = QuarkusTransaction.requiringNew().call(() -> {
                ledger.abandonTaskAuthorCalls(config.timeout().plus(ABANDON_MARGIN));
                return ledger.begin(CallStart.taskAuthor(provider, model));
            });
        } catch (RuntimeException e) {
            // no row, no call: a call the ledger cannot show must not be made (the bank stands in)
            throw new TaskAuthorException("the author call was not made: its ledger row could not be written ("
                    + e.getMessage() + ")", e);
        }
        try {
            LlmResponse response = llm.call(request);
            meters.attempt(provider, model, LlmCallMeters.SUCCESS, response.latency());
            meters.answered(provider, model, response.inputTokens(), response.outputTokens(), null,
                    response.finishReason());
            finish(row, AttemptOutcome.answered(response, null));
            return response.text();
        } catch (LlmCallException e) {
            boolean sent = e.kind() != FailureKind.NOT_CONFIGURED;
            meters.attempt(provider, model, e.kind().tag(), sent ? e.latency() : null);
            e.usage().ifPresent(u -> meters.answered(provider, model, u.inputTokens(), u.outputTokens(), null,
                    u.finishReason()));
            finish(row, AttemptOutcome.failed(e, null));
            throw new TaskAuthorException("the author call failed (" + e.kind().tag() + "): " + e.getMessage(), e);
        }
    }

    private void finish(long row, AttemptOutcome outcome) {
        try {
            QuarkusTransaction.requiringNew().run(() -> ledger.finish(row, outcome));
        } catch (RuntimeException e) {
            // the in-flight row already shows the call; a lost outcome must not turn a usable answer into a lost day
            LOG.errorf("cannot record the outcome of the task author's provider call (ledger row %d): %s", row,
                    e.getMessage());
        }
    }

    private Provider provider() {
        return Provider.fromId(config.provider()).orElseThrow(() -> new IllegalStateException(
                "autobench.generator.author.provider '" + config.provider() + "' is not a provider id"));
    }
}
