package dev.autobench.arena.humancheck;

import dev.autobench.arena.security.Voter;
import dev.autobench.arena.voting.ArenaMetrics;
import dev.autobench.arena.voting.ArenaMetrics.HumanCheckOutcome;
import dev.autobench.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** The human check's two questions: has this voter passed, and does this token pass. */
@ApplicationScoped
public class HumanChecks {

    /** Longer than any provider's token (Turnstile's are at most 2,048 characters). */
    static final int MAX_TOKEN_LENGTH = 4096;
    private static final String RETRY_AFTER_SECONDS = "10";

    @Inject
    HumanCheckSettings settings;

    @Inject
    HumanCheckVerifier verifier;

    @Inject
    ArenaMetrics metrics;

    Clock clock = Clock.systemUTC();

    public HumanCheckStatus status(Voter voter) {
        if (!settings.enabled()) {
            return HumanCheckStatus.disabled();
        }
        Instant now = clock.instant();
        boolean passed = voter != null && voter.humanCheckValidAt(now, settings.config().validFor());
        Instant until = passed ? voter.humanCheckedAt().orElseThrow().plus(settings.config().validFor()) : null;
        return new HumanCheckStatus(true, passed, until, settings.config().siteKey().orElseThrow(),
                settings.config().scriptUrl());
    }

    /** Refuses a request that cannot be verified before anything is counted or asked of the provider. */
    public String validToken(HumanCheckRequest request) {
        if (!settings.enabled()) {
            throw ProblemException.notFound("This arena asks for no human check.");
        }
        if (request == null || request.token() == null || request.token().isBlank()) {
            throw ProblemException.badRequest("token is required: the token the human-check widget produced");
        }
        if (request.token().length() > MAX_TOKEN_LENGTH) {
            throw ProblemException.badRequest("token is longer than " + MAX_TOKEN_LENGTH + " characters");
        }
        return request.token();
    }

    /** @return the voter, marked as checked now; a failed or unverifiable token is a problem */
    public Voter pass(String token, Voter voter) {
        HumanCheckVerifier.Verdict verdict;
        try {
            verdict = verifier.verify(token);
        } catch (HumanCheckVerifier.Unavailable | CircuitBreakerOpenException e) {
            metrics.humanCheck(HumanCheckOutcome.UNAVAILABLE);
            throw new ProblemException(Response.Status.SERVICE_UNAVAILABLE,
                    "The human check could not be verified just now; try again in a few seconds.",
                    Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
        if (!verdict.passed()) {
            metrics.humanCheck(HumanCheckOutcome.FAILED);
            String codes = verdict.errorCodes().isEmpty() ? "" : " (" + String.join(", ", verdict.errorCodes()) + ")";
            throw new ProblemException(Response.Status.FORBIDDEN,
                    "The human check was not passed" + codes + "; run the check again for a new token.");
        }
        metrics.humanCheck(HumanCheckOutcome.PASSED);
        return voter.humanChecked(Instant.ofEpochSecond(clock.instant().getEpochSecond()));
    }
}
