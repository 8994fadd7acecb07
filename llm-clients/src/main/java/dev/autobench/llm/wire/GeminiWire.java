package dev.autobench.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.llm.client.FinishReason;
import dev.autobench.llm.client.LlmRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Google's Gemini API: {@code POST {base}/v1beta/models/{model}:generateContent} with {@code x-goog-api-key}.
 * Thinking tokens are billed at the output rate, so they count as output.
 */
public final class GeminiWire implements ProviderWire {

    @Override
    public String url(String baseUrl, LlmRequest request) {
        String model = URLEncoder.encode(request.apiModel(), StandardCharsets.UTF_8);
        return baseUrl + "/v1beta/models/" + model + ":generateContent";
    }

    @Override
    public Map<String, String> headers(Optional<String> apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        apiKey.ifPresent(key -> headers.put("x-goog-api-key", key));
        return headers;
    }

    @Override
    public JsonNode body(ObjectMapper json, LlmRequest request) {
        ObjectNode body = json.createObjectNode();
        if (!request.system().isBlank()) {
            body.putObject("systemInstruction").putArray("parts").addObject().put("text", request.system());
        }
        body.putArray("contents").addObject()
                .put("role", "user")
                .putArray("parts").addObject().put("text", request.user());
        body.putObject("generationConfig").put("maxOutputTokens", request.maxOutputTokens());
        return body;
    }

    @Override
    public Answer parse(JsonNode body) {
        JsonNode candidates = body.path("candidates");
        if (!candidates.isArray() && !body.has("usageMetadata")) {
            throw new IllegalArgumentException("no 'candidates' array");
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : candidates.path(0).path("content").path("parts")) {
            if (!part.path("thought").asBoolean(false) && part.hasNonNull("text")) {
                text.append(part.get("text").asText());
            }
        }
        JsonNode usage = body.path("usageMetadata");
        int output = ProviderWire.intOrZero(usage.get("candidatesTokenCount"))
                + ProviderWire.intOrZero(usage.get("thoughtsTokenCount"));
        // a blocked prompt has no candidate, only promptFeedback.blockReason
        String finish = ProviderWire.textOrNull(candidates.path(0).get("finishReason"));
        if (finish == null) {
            finish = ProviderWire.textOrNull(body.path("promptFeedback").get("blockReason"));
        }
        return new Answer(text.toString(), ProviderWire.intOrZero(usage.get("promptTokenCount")), output,
                ProviderWire.textOrNull(body.get("responseId")), FinishReason.of(finish),
                ProviderWire.intOrZero(usage.get("cachedContentTokenCount")));
    }
}
