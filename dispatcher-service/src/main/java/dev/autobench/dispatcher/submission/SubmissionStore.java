package dev.autobench.dispatcher.submission;

import dev.autobench.dispatcher.budget.BudgetExhaustedException;
import dev.autobench.dispatcher.budget.DailyBudget;
import dev.autobench.dispatcher.claim.ClaimLostException;
import dev.autobench.dispatcher.claim.AbandonedClaim;
import dev.autobench.dispatcher.catalog.CallableModel;
import dev.autobench.dispatcher.claim.Claim;
import dev.autobench.dispatcher.budget.TaskDayCallCounter;
import dev.autobench.dispatcher.dispatch.DispatchableTaskRepository;
import dev.autobench.llm.ledger.AttemptOutcome;
import dev.autobench.llm.ledger.CallStart;
import dev.autobench.llm.ledger.ProviderCallLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

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
    private final TaskDayCallCounter calls;
    private final ProviderCallLedger ledger;
    private final DispatchableTaskRepository tasks;

    SubmissionStore(SubmissionRepository submissions, TaskDayCallCounter calls, ProviderCallLedger ledger,
                    DispatchableTaskRepository tasks) {
        this.submissions = submissions;
        this.calls = calls;
        this.ledger = ledger;
        this.tasks = tasks;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> claim(UUID taskId, UUID modelId, String owner, Duration lease) {
        return submissions.claim(taskId, modelId, owner, lease);
    }

    /** Gives an unsent pair back (status queued): the next dispatch claims it again, under a new token. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean release(Claim claim) {
        return submissions.release(claim);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long countReleased() {
        return submissions.countReleased();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claim> reclaimFailed(UUID taskId, UUID modelId, String owner, Duration lease, boolean force) {
        return submissions.reclaimFailed(taskId, modelId, owner, lease, force);
    }

    /**
     * Starts one HTTP attempt: renews the claim's lease and commits the attempt's ledger row, both before the
     * request is sent. Throws {@link ClaimLostException} (and writes nothing) when the claim is gone.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public long beginAttempt(Claim claim, CallableModel model, int attempt, Duration lease, DailyBudget budget) {
        if (!submissions.startAttempt(claim, attempt, lease)) {
            throw new ClaimLostException(claim);
        }
        long used = calls.lockAndCountTaskDay(claim.submissionId());
        int allowed = budget.allowed();
        budget.observed(used, allowed);
        if (used >= allowed) {
            // rolls the lease renewal back with it: nothing is written, nothing is sent
            throw new BudgetExhaustedException(used, allowed);
        }
        long id = ledger.begin(CallStart.submission(claim.submissionId(), model.provider().id(), model.apiModel(),
                attempt));
        budget.observed(used + 1, allowed);
        return id;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void finishAttempt(long callId, AttemptOutcome outcome) {
        ledger.finish(callId, outcome);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean succeed(Claim claim, SubmissionAnswer answer) {
        return submissions.succeed(claim, answer);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean fail(Claim claim, SubmissionFailure failure) {
        return submissions.fail(claim, failure);
    }

    /** Fails expired claims as abandoned, and their unfinished ledger rows; returns the affected task ids. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<UUID> abandonExpired() {
        List<AbandonedClaim> abandoned = submissions.abandonExpired();
        ledger.abandonSubmissionAttempts(abandoned.stream().map(AbandonedClaim::submissionId).toList());
        return abandoned.stream().map(AbandonedClaim::taskId).distinct().toList();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean markDispatchedIfComplete(UUID taskId, Collection<UUID> modelIds) {
        return tasks.markDispatchedIfComplete(taskId, modelIds);
    }
}
