package dev.autobench.arena.passrates;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.Instant;
import java.util.List;

/**
 * Does it work? The share of each model's checked pages that passed every acceptance check of their task, with
 * 95% Wilson intervals, overall and per category, from closed tasks only; and whether voters preferred the page
 * that passed more of its checks.
 */
@RegisterForReflection
public record PassRates(Instant computedAt, List<ModelRate> models, List<Rate> categories, VotesVsChecks votesVsChecks) {

    /**
     * @param checked      pages checked
     * @param passed       pages that passed every check
     * @param passRate     passed / checked
     * @param low          lower bound of the 95% Wilson interval of the pass rate
     * @param high         upper bound
     * @param checksPassed single checks passed, over all those pages
     * @param checksTotal  single checks run
     */
    @RegisterForReflection
    public record Rate(String category, long checked, long passed, double passRate, double low, double high,
                       long checksPassed, long checksTotal) {
    }

    @RegisterForReflection
    public record ModelRate(String model, String displayName, long checked, long passed, double passRate, double low,
                            double high, long checksPassed, long checksTotal, List<Rate> categories) {
    }

    /**
     * Counted votes of closed tasks between two checked pages with different check scores (the share of their
     * checks passed): how many went to the page that passed more ({@code agreement} is their share of the decisive
     * votes, with its interval; 0.5 would mean the checks tell nothing about the votes).
     */
    @RegisterForReflection
    public record VotesVsChecks(long decisiveVotes, long forMorePassing, long forFewerPassing, long tieOrBothBad,
                                double agreement, double low, double high) {
    }
}
