package dev.autobench.arena.humancheck;

import dev.autobench.arena.config.ArenaConfig;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks the human-check provider whether a widget token is genuine. A token is single-use at the
 * provider, so a failed call is never retried; an outage opens the circuit so that a burst of
 * visitors does not queue behind a dead endpoint.
 */
@ApplicationScoped
public class HumanCheckVerifier {

    /** What the provider said of one token. */
    public record Verdict(boolean passed, List<String> errorCodes) {
    }

    /** The provider could not be asked (down, slow, or answered with something other than its JSON). */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SiteVerifyClient client;
    private final String secret;

    @Inject
    public HumanCheckVerifier(ArenaConfig config) {
        ArenaConfig.HumanCheck check = config.humanCheck();
        this.secret = check.secret().orElse("");
        long timeout = check.timeout().toMillis();
        this.client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(check.verifyUrl()))
                .connectTimeout(timeout, TimeUnit.MILLISECONDS)
                .readTimeout(timeout, TimeUnit.MILLISECONDS)
                .build(SiteVerifyClient.class);
    }

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            failOn = Unavailable.class)
    public Verdict verify(String token) {
        SiteVerifyAnswer answer;
        try {
            answer = client.verify(secret, token);
        } catch (ProcessingException | WebApplicationException e) {
            throw new Unavailable("the human-check provider did not answer: " + e.getMessage(), e);
        }
        if (answer == null) {
            throw new Unavailable("the human-check provider answered with no body", null);
        }
        return new Verdict(answer.success(), answer.errorCodes());
    }
}
