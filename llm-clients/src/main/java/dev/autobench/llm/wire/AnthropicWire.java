package dev.autobench.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.llm.client.FinishReason;
import dev.autobench.llm.client.LlmRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Anthropic's Messages API: {@code POST {base}/v1/messages}, {@code x-api-key}, {@code anthropic-version}. */
public final class AnthropicWire implements ProviderWire {

    public static final String API_VERSION = "2023-06-01";

    @Override
    public String url(String baseUrl, LlmRequest request) {
        return baseUrl + "/v1/messages";
    }

    @Override
    public Map<String, String> headers(Optional<String> apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        apiKey.ifPresent(key -> headers.put("x-api-key", key));
        headers.put("anthropic-version", API_VERSION);
        return headers;
    }

    @Override
    public JsonNode body(ObjectMapper json, LlmRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("model", request.apiModel());
        body.put("max_tokens", request.maxOutputTokens());
        if (!request.system().isBlank()) {
            body.put("system", request.system());
        }
        body.putArray("messages").addObject().put("role", "user").put("content", request.user());
        return body;
    }

    @Override
    public Answer parse(JsonNode body) {
        JsonNode content = body.path("content");
        if (!content.isArray()) {
            throw new IllegalArgumentException("no 'content' array");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText("text")) && block.hasNonNull("text")) {
                text.append(block.get("text").asText());
            }
        }
        JsonNode usage = body.path("usage");
        // Anthropic counts cache reads apart from input_tokens; the sum is what the prompt was
        int cached = ProviderWire.intOrZero(usage.get("cache_read_input_tokens"));
        return new Answer(text.toString(), ProviderWire.intOrZero(usage.get("input_tokens")) + cached,
                ProviderWire.intOrZero(usage.get("output_tokens")), ProviderWire.textOrNull(body.get("id")),
                FinishReason.of(ProviderWire.textOrNull(body.get("stop_reason"))), cached);
    }
}
