package dev.autobench.arena.matches;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Which match a voter is served next, among the open ones they may still judge: the least voted
 * first, at random among equals, so that votes spread evenly over the pairs. This is the one
 * place the serving order is decided.
 */
@ApplicationScoped
public class MatchOrder {

    public Optional<OpenMatch> pick(List<OpenMatch> open, Predicate<OpenMatch> eligible) {
        OpenMatch chosen = null;
        int fewest = Integer.MAX_VALUE;
        int ties = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (OpenMatch match : open) {
            int votes = match.voteCount();
            if (votes > fewest || !eligible.test(match)) {
                continue;
            }
            if (votes < fewest) {
                fewest = votes;
                chosen = match;
                ties = 1;
            } else if (random.nextInt(++ties) == 0) {
                // reservoir sampling: each of the equally least-voted matches is chosen with equal odds
                chosen = match;
            }
        }
        return Optional.ofNullable(chosen);
    }
}
