package dev.autobench.dispatcher.service;

import dev.autobench.dispatcher.domain.CallableModel;
import dev.autobench.dispatcher.domain.ErrorCode;
import dev.autobench.dispatcher.domain.PairOutcome;
import dev.autobench.dispatcher.domain.TaskToDispatch;
import dev.autobench.llm.CodeExtractor;
import dev.autobench.llm.ExtractedCode;
import dev.autobench.llm.LlmCallException;
import dev.autobench.llm.LlmClient;
import dev.autobench.llm.LlmRequest;
import dev.autobench.llm.LlmResponse;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Calls one model for one task: claim first, then up to N attempts, each written to the ledger before
 * it is sent, then the code or the reason it failed. Only the holder of the claim ever calls.
 */
@ApplicationScoped
public class SubmissionCaller {

    private static final Logger LOG = Logger.getLogger(SubmissionCaller.class);

    private final SubmissionStore store;
    private final LlmClient llm;
    private final ProviderGuards guards;
    private final RetryPolicy retries;
    private final DispatchMetrics metrics;
    private final DispatcherIdentity identity;

    SubmissionCaller(SubmissionStore store, LlmClient llm, ProviderGuards guards, RetryPolicy retries,
                     DispatchMetrics metrics, DispatcherIdentity identity) {
        this.store = store;
        this.llm = llm;
        this.guards = guards;
        this.retries = retries;
        this.metrics = metrics;
        this.identity = identity;
    }

    /** Claims the pair and, only if this call won the claim, calls the model. */
    public PairOutcome claimAndCall(TaskToDispatch task, CallableModel model) {
        Optional<UUID> claim = store.claim(task.id(), model.id(), identity.name(), retries.lease(model.timeout()));
        if (claim.isEmpty()) {
            return PairOutcome.skipped();
        }
        try (DispatchLogContext.Scope log = DispatchLogContext.pair(claim.get(), task.id(), model.slug(),
                model.provider().id())) {
            return callClaimed(claim.get(), task, model, 1);
        }
    }

    /** Calls a pair this process holds the claim of; attempts are numbered from {@code firstAttempt}. */
    public PairOutcome callClaimed(UUID submissionId, TaskToDispatch task, CallableModel model, int firstAttempt) {
        try {
            return attempts(submissionId, task, model, firstAttempt);
        } catch (RuntimeException e) {
            // a bug or a database outage: record it if we still can; otherwise the lease reaper will
            LOG.errorf(e, "dispatch of task %s to %s failed unexpectedly", task.id(), model.slug());
            try {
                store.fail(submissionId, identity.name(), ErrorCode.INTERNAL_ERROR.db(), "internal error: "
                        + e.getClass().getSimpleName(), null, null, null, null, null, null);
            } catch (RuntimeException ignored) {
                LOG.warnf("could not record the failure of submission %s; its lease will expire", submissionId);
            }
            return new PairOutcome(PairOutcome.Kind.FAILED, 0);
        }
    }

    private PairOutcome attempts(UUID submissionId, TaskToDispatch task, CallableModel model, int firstAttempt) {
        LlmRequest request = PromptBuilder.request(task, model);
        String owner = identity.name();
        int made = 0;
        for (int attempt = firstAttempt; ; attempt++) {
            long[] ledgerId = {-1};
            int number = attempt;
            LlmResponse response;
            try {
                response = guards.call(model.provider(), () -> {
                    // inside the circuit: an open circuit prevents the row as well as the request
                    ledgerId[0] = store.beginAttempt(submissionId, model, number);
                    return llm.call(request);
                });
            } catch (CircuitBreakerOpenException open) {
                metrics.attempt(model, "circuit_open", null);
                store.fail(submissionId, owner, ErrorCode.CIRCUIT_OPEN.db(), "circuit of provider "
                        + model.provider().id() + " is open: not called", null, null, null, null, null, null);
                return new PairOutcome(PairOutcome.Kind.FAILED, made);
            } catch (LlmCallException failure) {
                DispatchLogContext.providerRequest(failure.requestId().orElse(null));
                made++;
                store.finishAttempt(ledgerId[0], FailureMapping.ledgerOutcome(failure.kind()),
                        failure.httpStatus().orElse(null), FailureMapping.billed(failure.kind()),
                        failure.requestId().orElse(null), null, null, failure.latency(), failure.getMessage());
                metrics.attempt(model, failure.kind().tag(), failure.latency());
                if (retries.shouldRetry(failure, made)) {
                    Duration wait = retries.delayBefore(made + 1, failure);
                    LOG.infof("%s for task %s attempt %d: %s; retrying in %d ms", model.slug(), task.id(), number,
                            failure.getMessage(), wait.toMillis());
                    sleep(wait);
                    continue;
                }
                LOG.warnf("%s for task %s failed after %d attempt(s): %s", model.slug(), task.id(), made,
                        failure.getMessage());
                store.fail(submissionId, owner, FailureMapping.errorCode(failure.kind()).db(), failure.getMessage(),
                        null, null, null, null, failure.latency(), failure.requestId().orElse(null));
                return new PairOutcome(PairOutcome.Kind.FAILED, made);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            made++;
            return answered(submissionId, owner, task, model, ledgerId[0], response, made);
        }
    }

    private PairOutcome answered(UUID submissionId, String owner, TaskToDispatch task, CallableModel model,
                                 long ledgerId, LlmResponse response, int made) {
        DispatchLogContext.providerRequest(response.requestId());
        BigDecimal cost = model.cost(response.inputTokens(), response.outputTokens());
        store.finishAttempt(ledgerId, "success", response.httpStatus(), true, response.requestId(),
                response.inputTokens(), response.outputTokens(), response.latency(), null);
        metrics.attempt(model, "success", response.latency());
        metrics.answered(model, response.inputTokens(), response.outputTokens(), cost);

        Optional<ExtractedCode> code = CodeExtractor.extract(response.text());
        boolean stored = code.isPresent()
                ? store.succeed(submissionId, owner, response.text(), code.get().html(), response.inputTokens(),
                response.outputTokens(), cost, response.latency(), response.requestId())
                : store.fail(submissionId, owner, ErrorCode.NO_CODE.db(), "the answer contains no HTML, SVG or JavaScript code",
                response.text(), response.inputTokens(), response.outputTokens(), cost, response.latency(),
                response.requestId());
        if (!stored) {
            LOG.warnf("submission %s (%s, task %s) lost its claim before the answer arrived; the answer is in the "
                    + "ledger but not stored", submissionId, model.slug(), task.id());
        }
        return new PairOutcome(code.isPresent() && stored ? PairOutcome.Kind.SUCCEEDED : PairOutcome.Kind.FAILED, made);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while backing off", e);
        }
    }
}
