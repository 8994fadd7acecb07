package dev.autobench.dispatcher.call;

import dev.autobench.dispatcher.budget.BudgetExhaustedException;
import dev.autobench.dispatcher.budget.DailyBudget;
import dev.autobench.dispatcher.catalog.CallableModel;
import dev.autobench.dispatcher.claim.Claim;
import dev.autobench.dispatcher.claim.ClaimGate;
import dev.autobench.dispatcher.claim.ClaimLostException;
import dev.autobench.dispatcher.claim.DispatcherIdentity;
import dev.autobench.dispatcher.dispatch.DispatchLogContext;
import dev.autobench.dispatcher.dispatch.PairOutcome;
import dev.autobench.dispatcher.dispatch.TaskToDispatch;
import dev.autobench.dispatcher.metrics.DispatchMetrics;
import dev.autobench.dispatcher.submission.ErrorCode;
import dev.autobench.dispatcher.submission.SubmissionAnswer;
import dev.autobench.dispatcher.submission.SubmissionFailure;
import dev.autobench.dispatcher.submission.SubmissionStore;
import dev.autobench.llm.client.FinishReason;
import dev.autobench.llm.client.LlmCallException;
import dev.autobench.llm.client.LlmClient;
import dev.autobench.llm.client.LlmRequest;
import dev.autobench.llm.client.LlmResponse;
import dev.autobench.llm.extract.CodeExtractor;
import dev.autobench.llm.extract.ExtractedCode;
import dev.autobench.llm.ledger.AttemptOutcome;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

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
    private final DailyBudget budget;
    private final ClaimGate gate;

    SubmissionCaller(SubmissionStore store, LlmClient llm, ProviderGuards guards, RetryPolicy retries,
                     DispatchMetrics metrics, DispatcherIdentity identity, DailyBudget budget, ClaimGate gate) {
        this.budget = budget;
        this.gate = gate;
        this.store = store;
        this.llm = llm;
        this.guards = guards;
        this.retries = retries;
        this.metrics = metrics;
        this.identity = identity;
    }

    /** Claims the pair and, only if this call won the claim, calls the model. */
    public PairOutcome claimAndCall(TaskToDispatch task, CallableModel model) {
        if (!gate.isOpen()) {
            return PairOutcome.skipped();
        }
        Optional<Claim> claim = store.claim(task.id(), model.id(), identity.name(), retries.lease(model.timeout()));
        if (claim.isEmpty()) {
            return PairOutcome.skipped();
        }
        try (DispatchLogContext.Scope log = DispatchLogContext.pair(claim.get().submissionId(), task.id(),
                model.slug(), model.provider().id())) {
            return callClaimed(claim.get(), task, model);
        }
    }

    /** Calls a pair under a claim this process holds; attempts are numbered after the claim's last one. */
    public PairOutcome callClaimed(Claim claim, TaskToDispatch task, CallableModel model) {
        try {
            return attempts(claim, task, model);
        } catch (ClaimLostException lost) {
            LOG.warnf("%s for task %s: %s", model.slug(), task.id(), lost.getMessage());
            return new PairOutcome(PairOutcome.Kind.FAILED, 0);
        } catch (RuntimeException e) {
            // a bug or a database outage: record it if we still can; otherwise the lease reaper will
            LOG.errorf(e, "dispatch of task %s to %s failed unexpectedly", task.id(), model.slug());
            try {
                store.fail(claim, SubmissionFailure.of(ErrorCode.INTERNAL_ERROR,
                        "internal error: " + e.getClass().getSimpleName()));
            } catch (RuntimeException ignored) {
                LOG.warnf("could not record the failure of submission %s; its lease will expire", claim.submissionId());
            }
            return new PairOutcome(PairOutcome.Kind.FAILED, 0);
        }
    }

    private PairOutcome attempts(Claim claim, TaskToDispatch task, CallableModel model) {
        LlmRequest request = PromptBuilder.request(task, model);
        Duration lease = retries.lease(model.timeout());
        int made = 0;
        for (int attempt = claim.lastAttempt() + 1; ; attempt++) {
            int number = attempt;
            SentAttempt sent;
            try {
                sent = guards.call(model.provider(), () -> {
                    // inside the circuit: an open circuit prevents the row as well as the request; and only a
                    // claim that still holds (renewed here) may send
                    long ledgerId = store.beginAttempt(claim, model, number, lease, budget);
                    try {
                        return new SentAttempt(ledgerId, llm.call(request));
                    } catch (LlmCallException failure) {
                        throw new SentAttemptFailed(ledgerId, failure);
                    }
                });
            } catch (BudgetExhaustedException spent) {
                metrics.attempt(model, "budget_exhausted", null);
                budget.refused();
                LOG.warnf("%s for task %s: %s", model.slug(), task.id(), spent.getMessage());
                store.fail(claim, SubmissionFailure.of(ErrorCode.BUDGET_EXHAUSTED, spent.getMessage()));
                return new PairOutcome(PairOutcome.Kind.FAILED, made);
            } catch (CircuitBreakerOpenException open) {
                // nothing was sent: give the pair back, so that a later dispatch calls it once the circuit closes
                metrics.attempt(model, "circuit_open", null);
                store.release(claim);
                LOG.infof("%s for task %s: circuit of provider %s is open; not called, left for a later dispatch",
                        model.slug(), task.id(), model.provider().id());
                return new PairOutcome(PairOutcome.Kind.DEFERRED, made);
            } catch (SentAttemptFailed failed) {
                LlmCallException failure = failed.failure();
                DispatchLogContext.providerRequest(failure.requestId().orElse(null));
                made++;
                if (failure.usage().isPresent()) {
                    return billedFailure(claim, task, model, failed.ledgerId(), failure, failure.usage().get(), made);
                }
                store.finishAttempt(failed.ledgerId(), AttemptOutcome.failed(failure, null));
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
                store.fail(claim, SubmissionFailure.unanswered(FailureMapping.errorCode(failure.kind()),
                        failure.getMessage(), failure.latency(), failure.requestId().orElse(null)));
                return new PairOutcome(PairOutcome.Kind.FAILED, made);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            made++;
            return answered(claim, task, model, sent.ledgerId(), sent.response(), made);
        }
    }

    private PairOutcome answered(Claim claim, TaskToDispatch task, CallableModel model,
                                 long ledgerId, LlmResponse response, int made) {
        DispatchLogContext.providerRequest(response.requestId());
        FinishReason finish = response.finishReason();
        BigDecimal cost = model.cost(response.inputTokens(), response.cachedInputTokens(), response.outputTokens());
        store.finishAttempt(ledgerId, AttemptOutcome.answered(response, cost));
        metrics.attempt(model, "success", response.latency());
        metrics.answered(model, response.inputTokens(), response.outputTokens(), cost, finish);

        Optional<ExtractedCode> code = CodeExtractor.extract(response.text());
        boolean stored;
        ErrorCode refusedOrCut = finish.truncated() ? ErrorCode.TRUNCATED : finish.refused() ? ErrorCode.REFUSED : null;
        if (refusedOrCut != null) {
            // a page cut off at the token limit, or a safety block, is not a solution even when some code came back
            stored = store.fail(claim, answeredFailure(refusedOrCut,
                    "the answer stopped with finish reason " + finish.raw(), response, cost));
        } else if (code.isPresent()) {
            stored = store.succeed(claim, new SubmissionAnswer(response.text(), code.get().html(),
                    response.inputTokens(), response.outputTokens(), cost, response.latency(), response.requestId()));
        } else {
            stored = store.fail(claim, answeredFailure(ErrorCode.NO_CODE,
                    "the answer contains no HTML, SVG or JavaScript code", response, cost));
        }
        if (!stored) {
            LOG.warnf("submission %s (%s, task %s) was re-claimed before the answer arrived; the answer is in the "
                    + "ledger but not stored", claim.submissionId(), model.slug(), task.id());
        }
        boolean succeeded = refusedOrCut == null && code.isPresent() && stored;
        return new PairOutcome(succeeded ? PairOutcome.Kind.SUCCEEDED : PairOutcome.Kind.FAILED, made);
    }

    private static SubmissionFailure answeredFailure(ErrorCode code, String message, LlmResponse response,
                                                     BigDecimal cost) {
        return new SubmissionFailure(code, message, response.text(), response.inputTokens(), response.outputTokens(),
                cost, response.latency(), response.requestId());
    }

    /** A 2xx that is still a failure (no text, not the provider's shape): billed, so its tokens and cost are kept. */
    private PairOutcome billedFailure(Claim claim, TaskToDispatch task, CallableModel model, long ledgerId,
                                      LlmCallException failure, LlmCallException.Usage usage, int made) {
        FinishReason finish = usage.finishReason();
        BigDecimal cost = model.cost(usage.inputTokens(), usage.cachedInputTokens(), usage.outputTokens());
        store.finishAttempt(ledgerId, AttemptOutcome.failed(failure, cost));
        metrics.attempt(model, failure.kind().tag(), failure.latency());
        metrics.answered(model, usage.inputTokens(), usage.outputTokens(), cost, finish);
        ErrorCode code = finish.truncated() ? ErrorCode.TRUNCATED : finish.refused() ? ErrorCode.REFUSED
                : FailureMapping.errorCode(failure.kind());
        LOG.warnf("%s for task %s: %s", model.slug(), task.id(), failure.getMessage());
        store.fail(claim, new SubmissionFailure(code, failure.getMessage(), null, usage.inputTokens(),
                usage.outputTokens(), cost, failure.latency(), failure.requestId().orElse(null)));
        return new PairOutcome(PairOutcome.Kind.FAILED, made);
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
