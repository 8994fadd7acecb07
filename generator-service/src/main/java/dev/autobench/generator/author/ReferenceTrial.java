package dev.autobench.generator.author;

import dev.autobench.common.checks.Check;
import dev.autobench.common.checks.CheckTrialRequest;
import dev.autobench.common.checks.CheckTrialResult;
import dev.autobench.common.config.AutobenchSecurityConfig;
import dev.autobench.generator.config.RendererConfig;
import io.smallrye.faulttolerance.api.RetryWhen;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Sends a reference page and its checks to the renderer's browser. The trial stores nothing, so a lost answer is
 * simply asked again: a renderer restarting or briefly busy does not cost the day its authored tasks. A refusal (4xx)
 * is final: the page or its checks are what the renderer does not accept, and asking again would only spend the
 * author's time before the bank stands in.
 */
@ApplicationScoped
public class ReferenceTrial {

    private final RendererTrialApi renderer;
    private final AutobenchSecurityConfig security;
    private final String rendererUrl;

    public ReferenceTrial(@RestClient RendererTrialApi renderer, AutobenchSecurityConfig security,
                          RendererConfig config) {
        this.renderer = renderer;
        this.security = security;
        this.rendererUrl = config.rendererUrl();
    }

    /** Where the trials go, for the messages that say why a day fell back to the bank. */
    public String rendererUrl() {
        return rendererUrl;
    }

    @Retry(maxRetries = 2, delay = 3, delayUnit = ChronoUnit.SECONDS)
    @RetryWhen(exception = RendererMayRecover.class)
    public CheckTrialResult run(String html, List<Check> checks) {
        return renderer.trial(security.cronSecret().orElse(""), new CheckTrialRequest(html, checks));
    }
}
