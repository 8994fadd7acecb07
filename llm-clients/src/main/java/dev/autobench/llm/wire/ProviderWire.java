package dev.autobench.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.llm.client.FinishReason;
import dev.autobench.llm.client.LlmRequest;

import java.util.Map;
import java.util.Optional;

/** One provider's wire format: where to POST, which headers, what JSON, and how to read the answer. */
public interface ProviderWire {

    /** The full URL of the call, from the base URL (no trailing slash). */
    String url(String baseUrl, LlmRequest request);

    /** Authentication and versioning headers; the key only ever travels here. */
    Map<String, String> headers(Optional<String> apiKey);

    JsonNode body(ObjectMapper json, LlmRequest request);

    /** Reads a 2xx body; throws {@link IllegalArgumentException} when it is not this provider's shape. */
    Answer parse(JsonNode body);

    /**
     * What a 2xx body said. {@code inputTokens} counts every prompt token, cached ones included;
     * {@code cachedInputTokens} is the part served from the provider's prompt cache (billed at its lower rate).
     */
    record Answer(String text, int inputTokens, int outputTokens, String bodyId, FinishReason finishReason,
                  int cachedInputTokens) {
    }

    static int intOrZero(JsonNode node) {
        return node != null && node.canConvertToInt() ? Math.max(0, node.asInt()) : 0;
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.asText();
    }
}
