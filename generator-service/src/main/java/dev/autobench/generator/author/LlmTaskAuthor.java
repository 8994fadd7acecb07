package dev.autobench.generator.author;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.generator.bank.BankTaskSource;
import dev.autobench.generator.config.GeneratorConfig;
import dev.autobench.generator.domain.ProviderCall;
import dev.autobench.generator.domain.TaskOrigin;
import dev.autobench.generator.repository.ProviderCallRepository;
import dev.autobench.generator.service.DraftRequest;
import dev.autobench.generator.service.TaskDraft;
import dev.autobench.generator.service.TaskSource;
import dev.autobench.generator.service.TaskSpecFactory;
import dev.autobench.generator.service.TemplateUsage;
import dev.autobench.llm.FailureKind;
import dev.autobench.llm.LlmCallException;
import dev.autobench.llm.LlmClient;
import dev.autobench.llm.LlmRequest;
import dev.autobench.llm.LlmResponse;
import dev.autobench.llm.Provider;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Asks one configured model for the day's tasks: exactly one provider call per drafting, recorded
 * in the provider-call ledger. Any failure surfaces as a {@link TaskAuthorException}; the caller
 * falls back to the bank.
 */
@ApplicationScoped
public class LlmTaskAuthor implements TaskSource {

    private static final Logger LOG = Logger.getLogger(LlmTaskAuthor.class);
    private static final int RECENT_TITLES = 30;

    private final LlmClient llm;
    private final ProviderCallRepository ledger;
    private final BankTaskSource bank;
    private final GeneratorConfig.Author config;
    private final AuthoredTasksParser parser;
    private final Clock clock;

    public LlmTaskAuthor(LlmClient llm, ProviderCallRepository ledger, BankTaskSource bank, GeneratorConfig config,
                         ObjectMapper json, Clock clock) {
        this.llm = llm;
        this.ledger = ledger;
        this.bank = bank;
        this.config = config.author();
        this.parser = new AuthoredTasksParser(json);
        this.clock = clock;
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
        return parser.parse(answer, request.count(), categories.keySet()).stream()
                .map(t -> new TaskDraft(TaskOrigin.LLM, TaskSpecFactory.create(t.title(), t.category(), t.difficulty(),
                        t.summary(), t.criteria(), null, Map.of(), author, t.checks())))
                .toList();
    }

    private String callOnce(LlmRequest request) {
        Instant started = clock.instant();
        try {
            LlmResponse response = llm.call(request);
            record(request, started, response.httpStatus(), "success", true, response.requestId(),
                    response.inputTokens(), response.outputTokens(), response.latency(), null);
            return response.text();
        } catch (LlmCallException e) {
            if (e.kind() != FailureKind.NOT_CONFIGURED) {
                record(request, started, e.httpStatus().orElse(null), outcomeOf(e.kind()), e.kind().possiblyBilled(),
                        e.requestId().orElse(null), null, null, e.latency(), e.kind().tag() + ": " + e.getMessage());
            }
            throw new TaskAuthorException("the author call failed (" + e.kind().tag() + "): " + e.getMessage(), e);
        }
    }

    private void record(LlmRequest request, Instant started, Integer httpStatus, String outcome, boolean billed,
                        String requestId, Integer inputTokens, Integer outputTokens, Duration latency, String error) {
        ProviderCall call = new ProviderCall();
        call.purpose = ProviderCall.PURPOSE_TASK_AUTHOR;
        call.provider = request.provider().id();
        call.apiModel = request.apiModel();
        call.attempt = 1;
        call.startedAt = started;
        call.finishedAt = clock.instant();
        call.httpStatus = httpStatus;
        call.outcome = outcome;
        call.billed = billed;
        call.requestId = requestId;
        call.inputTokens = inputTokens;
        call.outputTokens = outputTokens;
        call.latencyMs = (int) Math.min(Integer.MAX_VALUE, latency.toMillis());
        call.error = error;
        try {
            ledger.recordIndependently(call);
        } catch (RuntimeException e) {
            // the ledger must not turn a usable answer into a lost day
            LOG.errorf("cannot record the task author's provider call: %s", e.getMessage());
        }
    }

    static String outcomeOf(FailureKind kind) {
        return switch (kind) {
            case RATE_LIMITED, OVERLOADED -> "retryable_error";
            case CONNECT_ERROR -> "connect_error";
            case TIMEOUT -> "timeout";
            default -> "error";
        };
    }

    private Provider provider() {
        return Provider.fromId(config.provider()).orElseThrow(() -> new IllegalStateException(
                "autobench.generator.author.provider '" + config.provider() + "' is not a provider id"));
    }
}
