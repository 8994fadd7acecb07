package dev.autobench.arena.voting;

import dev.autobench.arena.matches.MatchService;
import dev.autobench.arena.security.Voter;
import dev.autobench.arena.security.VoteTokens;
import dev.autobench.arena.voting.ArenaMetrics.Rejection;
import dev.autobench.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

/**
 * Accepts a vote only with a token this server signed for this voter, still valid, within the rate
 * limits, once per match and voter; counts every refusal by reason.
 */
@ApplicationScoped
public class VoteService {

    @Inject
    VoteTokens tokens;

    @Inject
    VoteRecorder recorder;

    @Inject
    ArenaMetrics metrics;

    @Inject
    MatchService matches;

    /**
     * @param voter the voter proved by the cookie, or null when the request carried none
     */
    public VoteReceipt vote(VoteRequest request, Voter voter, String ipHash) {
        try {
            if (request == null || request.voteToken() == null || request.voteToken().isBlank()) {
                throw new RejectedVote(Rejection.INVALID, ProblemException.badRequest("voteToken is required"));
            }
            VoteOutcome outcome = VoteOutcome.parse(request.outcome()).orElseThrow(() -> new RejectedVote(
                    Rejection.INVALID, ProblemException.badRequest("outcome must be one of left, right, tie, both_bad")));
            VoteTokens.Claims claims = verify(request.voteToken(), voter);
            VoteReceipt receipt = recorder.record(claims, voter, ipHash, outcome);
            matches.voted(voter.key(), claims.matchId());
            metrics.voteStored(outcome, receipt.counted());
            if (!receipt.counted()) {
                metrics.voteUncounted(receipt.notCountedReason());
            }
            return receipt;
        } catch (RejectedVote rejected) {
            metrics.voteRejected(rejected.reason);
            throw rejected.problem;
        }
    }

    private VoteTokens.Claims verify(String token, Voter voter) {
        try {
            return tokens.verify(token, voter);
        } catch (VoteTokens.RefusedException refused) {
            throw switch (refused.refusal()) {
                case FORGED -> forbidden(Rejection.FORGED, "The vote token is not one this server issued.");
                case EXPIRED -> forbidden(Rejection.EXPIRED, "The vote token has expired (a token lasts at most until its task's voting window closes); load a new match.");
                case WRONG_VOTER -> forbidden(Rejection.WRONG_VOTER,
                        "The vote token was issued to another voter (or the voter cookie is missing).");
            };
        }
    }

    private static RejectedVote forbidden(Rejection reason, String detail) {
        return new RejectedVote(reason, new ProblemException(Response.Status.FORBIDDEN, detail));
    }

    /** A refusal on its way out: the reason it is counted under and the problem the caller gets. */
    static final class RejectedVote extends RuntimeException {
        final Rejection reason;
        final ProblemException problem;

        RejectedVote(Rejection reason, ProblemException problem) {
            super(problem.getMessage(), null, false, false);
            this.reason = reason;
            this.problem = problem;
        }
    }
}
