package dev.autobench.llm.client;

import dev.autobench.llm.provider.Provider;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One question to one model, provider-neutral.
 *
 * @param provider        who serves the model
 * @param apiModel        the provider's model id, e.g. {@code gpt-5} or {@code demo-good}
 * @param baseUrl         a per-model endpoint that wins over the provider's configured one (may be null)
 * @param system          the system prompt (may be blank)
 * @param user            the user prompt
 * @param maxOutputTokens the completion budget
 * @param timeout         how long to wait for the whole answer once the request is sent
 */
public record LlmRequest(Provider provider, String apiModel, String baseUrl, String system, String user,
                         int maxOutputTokens, Duration timeout) {

    public LlmRequest {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(apiModel, "apiModel");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(timeout, "timeout");
        system = system == null ? "" : system;
        if (maxOutputTokens <= 0) {
            throw new IllegalArgumentException("maxOutputTokens must be positive");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public static LlmRequest of(Provider provider, String apiModel, String system, String user) {
        return new LlmRequest(provider, apiModel, null, system, user, 8192, Duration.ofMinutes(3));
    }

    public LlmRequest withBaseUrl(String url) {
        return new LlmRequest(provider, apiModel, url, system, user, maxOutputTokens, timeout);
    }

    public LlmRequest withMaxOutputTokens(int tokens) {
        return new LlmRequest(provider, apiModel, baseUrl, system, user, tokens, timeout);
    }

    public LlmRequest withTimeout(Duration newTimeout) {
        return new LlmRequest(provider, apiModel, baseUrl, system, user, maxOutputTokens, newTimeout);
    }

    public Optional<String> baseUrlOverride() {
        return Optional.ofNullable(baseUrl).filter(u -> !u.isBlank());
    }
}
