package dev.autobench.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.llm.client.FailureKind;
import dev.autobench.llm.provider.Provider;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a non-2xx answer the way each provider writes its errors, to tell "the provider refused the
 * work" (safe to send again) from "something between us and the model gave up" (the model may have
 * run and billed). Only the provider's own error body can say the former; a gateway status, a body
 * that is not the provider's JSON or no body at all is treated as possibly processed.
 * <ul>
 *   <li>OpenAI, DeepSeek, OpenAI-compatible: {@code {"error":{"message","type","code"}}}; quota exhaustion is
 *   {@code insufficient_quota}.</li>
 *   <li>Anthropic: {@code {"type":"error","error":{"type":"overloaded_error"|"rate_limit_error"|...}}}.</li>
 *   <li>Gemini: {@code {"error":{"code","message","status":"UNAVAILABLE"|"RESOURCE_EXHAUSTED","details":[...]}}}
 *   with a {@code google.rpc.RetryInfo} {@code retryDelay} and {@code google.rpc.QuotaFailure} violations.</li>
 * </ul>
 */
public final class ProviderErrors {

    /** Statuses only gateways and CDNs send (Cloudflare's 520–524 among them): the origin may still be working. */
    static final Set<Integer> GATEWAY_STATUSES = Set.of(502, 504, 520, 521, 522, 523, 524);
    private static final Set<String> REFUSED_TYPES = Set.of("overloaded_error", "rate_limit_error", "overloaded",
            "rate_limit_exceeded", "server_overloaded", "unavailable", "resource_exhausted");
    private static final Set<String> QUOTA_CODES = Set.of("insufficient_quota", "billing_hard_limit_reached",
            "insufficient_balance");

    private ProviderErrors() {
    }

    /** What one failed answer means, and how long the provider asked us to wait (from the body), if it said. */
    public record Classified(FailureKind kind, Optional<Duration> retryDelay) {
    }

    public static Classified classify(Provider provider, int status, String body, ObjectMapper json) {
        JsonNode error = errorNode(body, json);
        Optional<Duration> delay = provider == Provider.GOOGLE ? geminiRetryDelay(error) : Optional.empty();
        return new Classified(kindOf(provider, status, error), delay);
    }

    static FailureKind kindOf(Provider provider, int status, JsonNode error) {
        if (status == 401 || status == 403) {
            return FailureKind.UNAUTHORIZED;
        }
        if (status == 402 || isQuotaExhausted(provider, error)) {
            return FailureKind.QUOTA_EXHAUSTED;
        }
        if (status == 429) {
            // a gateway's own 429 did not forward the request either
            return FailureKind.RATE_LIMITED;
        }
        if (status == 529) {
            return FailureKind.OVERLOADED;
        }
        if (GATEWAY_STATUSES.contains(status)) {
            return FailureKind.POSSIBLY_PROCESSED;
        }
        if (status >= 500) {
            return saysRefused(error) ? FailureKind.OVERLOADED : FailureKind.POSSIBLY_PROCESSED;
        }
        if (status == 408) {
            return FailureKind.POSSIBLY_PROCESSED;
        }
        return FailureKind.BAD_REQUEST;
    }

    /** The provider's error object, or a missing node when the body is not one of the providers' error shapes. */
    static JsonNode errorNode(String body, ObjectMapper json) {
        if (body == null || body.isBlank()) {
            return json.missingNode();
        }
        try {
            JsonNode node = json.readTree(body);
            // Gemini sometimes wraps its error in a one-element array
            JsonNode error = node.isArray() ? node.path(0).path("error") : node.path("error");
            return error.isObject() ? error : json.missingNode();
        } catch (IOException notJson) {
            return json.missingNode();
        }
    }

    private static boolean saysRefused(JsonNode error) {
        for (String field : new String[] {"type", "code", "status"}) {
            if (REFUSED_TYPES.contains(error.path(field).asText("").toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQuotaExhausted(Provider provider, JsonNode error) {
        if (QUOTA_CODES.contains(error.path("code").asText("")) || QUOTA_CODES.contains(error.path("type").asText(""))) {
            return true;
        }
        if (provider == Provider.GOOGLE) {
            // a per-day quota does not come back within any retry budget; per-minute ones do (RetryInfo)
            for (JsonNode detail : error.path("details")) {
                if (detail.path("@type").asText("").endsWith("google.rpc.QuotaFailure")) {
                    for (JsonNode violation : detail.path("violations")) {
                        if (violation.path("quotaId").asText("").contains("PerDay")) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    /** {@code google.rpc.RetryInfo.retryDelay}, a protobuf Duration in JSON: {@code "37s"} or {@code "1.5s"}. */
    static Optional<Duration> geminiRetryDelay(JsonNode error) {
        for (JsonNode detail : error.path("details")) {
            if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo")) {
                String delay = detail.path("retryDelay").asText("").strip();
                if (delay.endsWith("s")) {
                    try {
                        double seconds = Double.parseDouble(delay.substring(0, delay.length() - 1));
                        if (seconds >= 0) {
                            return Optional.of(Duration.ofMillis((long) (seconds * 1000)));
                        }
                    } catch (NumberFormatException ignored) {
                        // not a protobuf duration: no delay from the body
                    }
                }
            }
        }
        return Optional.empty();
    }
}
