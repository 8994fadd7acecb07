package dev.autobench.llm.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.llm.client.FinishReason;
import dev.autobench.llm.client.LlmRequest;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * OpenAI's chat completions, also spoken by DeepSeek and OpenAI-compatible servers (vLLM, Ollama,
 * OpenRouter). OpenAI itself wants {@code max_completion_tokens} (its reasoning models refuse
 * {@code max_tokens}); the compatible servers only know {@code max_tokens}.
 */
public final class OpenAiChatWire implements ProviderWire {

    private final String path;
    private final String maxTokensField;

    private OpenAiChatWire(String path, String maxTokensField) {
        this.path = path;
        this.maxTokensField = maxTokensField;
    }

    /** {@code POST {base}/v1/chat/completions} with {@code max_completion_tokens}. */
    public static OpenAiChatWire openAi() {
        return new OpenAiChatWire("/v1/chat/completions", "max_completion_tokens");
    }

    /** {@code POST {base}/chat/completions} with {@code max_tokens} (DeepSeek, compatible servers). */
    public static OpenAiChatWire compatible() {
        return new OpenAiChatWire("/chat/completions", "max_tokens");
    }

    @Override
    public String url(String baseUrl, LlmRequest request) {
        return baseUrl + path;
    }

    @Override
    public Map<String, String> headers(Optional<String> apiKey) {
        Map<String, String> headers = new LinkedHashMap<>();
        apiKey.ifPresent(key -> headers.put("Authorization", "Bearer " + key));
        return headers;
    }

    @Override
    public JsonNode body(ObjectMapper json, LlmRequest request) {
        ObjectNode body = json.createObjectNode();
        body.put("model", request.apiModel());
        ArrayNode messages = body.putArray("messages");
        if (!request.system().isBlank()) {
            messages.addObject().put("role", "system").put("content", request.system());
        }
        messages.addObject().put("role", "user").put("content", request.user());
        body.put(maxTokensField, request.maxOutputTokens());
        return body;
    }

    @Override
    public Answer parse(JsonNode body) {
        JsonNode choices = body.path("choices");
        if (!choices.isArray()) {
            throw new IllegalArgumentException("no 'choices' array");
        }
        JsonNode message = choices.path(0).path("message");
        String text = choices.isEmpty() ? null : ProviderWire.textOrNull(message.get("content"));
        JsonNode usage = body.path("usage");
        // OpenAI reports cache hits in prompt_tokens_details.cached_tokens, DeepSeek in prompt_cache_hit_tokens;
        // both are part of prompt_tokens
        int cached = Math.max(ProviderWire.intOrZero(usage.path("prompt_tokens_details").get("cached_tokens")),
                ProviderWire.intOrZero(usage.get("prompt_cache_hit_tokens")));
        return new Answer(text, ProviderWire.intOrZero(usage.get("prompt_tokens")),
                ProviderWire.intOrZero(usage.get("completion_tokens")), ProviderWire.textOrNull(body.get("id")),
                FinishReason.of(ProviderWire.textOrNull(choices.path(0).get("finish_reason"))), cached);
    }
}
