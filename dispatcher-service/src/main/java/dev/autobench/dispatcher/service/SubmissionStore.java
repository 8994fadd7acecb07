package dev.autobench.dispatcher.service;

import dev.autobench.dispatcher.domain.AbandonedClaim;
import dev.autobench.dispatcher.domain.CallableModel;
import dev.autobench.dispatcher.repository.ProviderCallRepository;
import dev.autobench.dispatcher.repository.SubmissionRepository;
import dev.autobench.dispatcher.repository.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Every write of the dispatch protocol, each committed in its own transaction before the next step:
 * the claim before the call, the ledger row before the request leaves, the outcome after it returns.
 * A crash between two steps therefore leaves evidence, never a silent double call.
 */
@ApplicationScoped
public class SubmissionStore {

    private final SubmissionRepository submissions;
    private final ProviderCallRepository calls;
    private final TaskRepository tasks;

    SubmissionStore(SubmissionRepository submissions, ProviderCallRepository calls, TaskRepository tasks) {
        this.submissions = submissions;
        this.calls = calls;
        this.tasks = tasks;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<UUID> claim(UUID taskId, UUID modelId, String owner, Duration lease) {
        return submissions.claim(taskId, modelId, owner, lease);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Integer> reclaimFailed(UUID taskId, UUID modelId, String owner, Duration lease) {
        return submissions.reclaimFailed(taskId, modelId, owner, lease);
    }

    /** The ledger row of one HTTP attempt, committed before the request is sent. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long beginAttempt(UUID submissionId, CallableModel model, int attempt) {
        submissions.recordAttempt(submissionId, attempt);
        return calls.begin(submissionId, model.provider().id(), model.apiModel(), attempt);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finishAttempt(long callId, String outcome, Integer httpStatus, Boolean billed, String requestId,
                              Integer inputTokens, Integer outputTokens, Duration latency, String error) {
        calls.finish(callId, outcome, httpStatus, billed, requestId, inputTokens, outputTokens, latency.toMillis(), error);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean succeed(UUID id, String owner, String answer, String code, int inputTokens, int outputTokens,
                           BigDecimal cost, Duration latency, String requestId) {
        return submissions.succeed(id, owner, answer, code, inputTokens, outputTokens, cost, latency.toMillis(), requestId);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fail(UUID id, String owner, String errorCode, String message, String answer, Integer inputTokens,
                        Integer outputTokens, BigDecimal cost, Duration latency, String requestId) {
        return submissions.fail(id, owner, errorCode, message, answer, inputTokens, outputTokens, cost,
                latency == null ? null : latency.toMillis(), requestId);
    }

    /** Fails expired claims as abandoned, and their unfinished ledger rows; returns the affected task ids. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> abandonExpired() {
        List<AbandonedClaim> abandoned = submissions.abandonExpired();
        calls.abandonInFlight(abandoned.stream().map(AbandonedClaim::submissionId).toList());
        return abandoned.stream().map(AbandonedClaim::taskId).distinct().toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markDispatchedIfComplete(UUID taskId, Collection<UUID> modelIds) {
        return tasks.markDispatchedIfComplete(taskId, modelIds);
    }
}
