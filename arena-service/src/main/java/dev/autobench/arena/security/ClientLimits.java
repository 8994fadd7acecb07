package dev.autobench.arena.security;

import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.voting.ArenaMetrics;
import dev.autobench.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Per client address limits on what costs nothing to ask for again: matches (each carries a vote
 * token) and new voter cookies (each is a fresh identity for the per-voter limits).
 */
@ApplicationScoped
public class ClientLimits {

    /** What a refusal is counted under: the {@code what} tag of the limited-requests meter. */
    public enum Limited {
        MATCH, COOKIE, HUMAN_CHECK;

        public String tag() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final WindowLimiter matches;
    private final WindowLimiter cookies;
    private final WindowLimiter humanChecks;
    private final ArenaMetrics metrics;

    @Inject
    public ClientLimits(ArenaConfig config, ArenaMetrics metrics) {
        ArenaConfig.RateLimit limits = config.rateLimit();
        Clock clock = Clock.systemUTC();
        this.matches = new WindowLimiter(limits.matchesPerMinute(), limits.matchesPerHour(), clock);
        this.cookies = new WindowLimiter(limits.cookiesPerMinute(), limits.cookiesPerHour(), clock);
        // each check asks the provider once; an honest browser needs about one per new cookie
        this.humanChecks = new WindowLimiter(limits.cookiesPerMinute(), limits.cookiesPerHour(), clock);
        this.metrics = metrics;
    }

    /** @throws ProblemException 429 with Retry-After when this address has had its matches */
    public void admitMatch(String ipHash) {
        admit(matches, ipHash, Limited.MATCH, "Too many matches requested from this network");
    }

    /** @throws ProblemException 429 with Retry-After when this address has had its new cookies */
    public void admitNewCookie(String ipHash) {
        admit(cookies, ipHash, Limited.COOKIE, "Too many new voters from this network");
    }

    /** @throws ProblemException 429 with Retry-After when this address has had its human checks */
    public void admitHumanCheck(String ipHash) {
        admit(humanChecks, ipHash, Limited.HUMAN_CHECK, "Too many human checks from this network");
    }

    private void admit(WindowLimiter limiter, String ipHash, Limited what, String message) {
        OptionalLong wait = limiter.acquire(ipHash);
        if (wait.isPresent()) {
            metrics.requestLimited(what);
            long seconds = wait.getAsLong();
            throw new ProblemException(Response.Status.TOO_MANY_REQUESTS,
                    message + "; try again in " + seconds + " s.", Map.of("Retry-After", Long.toString(seconds)));
        }
    }
}
