package dev.autobench.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The four providers as one WireMock server, each answering in its real wire format on its own
 * path (OpenAI and DeepSeek chat completions, Anthropic messages, Gemini generateContent) and only
 * when the request carries that provider's key header.
 */
final class ProviderFakes implements AutoCloseable {

    static final String OPENAI_KEY = "sk-e2e-openai-0123456789";
    static final String ANTHROPIC_KEY = "sk-ant-e2e-0123456789";
    static final String GEMINI_KEY = "AIza-e2e-0123456789";
    static final String DEEPSEEK_KEY = "sk-e2e-deepseek-0123456789";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final WireMockServer server;

    ProviderFakes() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort().containerThreads(40));
        server.start();
        stub(0);
    }

    String baseUrl() {
        return server.baseUrl();
    }

    /** The server itself, for a test that gives one (task, provider) pair an answer of its own. */
    WireMockServer server() {
        return server;
    }

    /** Every provider answers after {@code delayMs}: long enough to kill a dispatcher mid-call. */
    void stub(int delayMs) {
        server.resetMappings();
        server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + OPENAI_KEY))
                .willReturn(aResponse().withFixedDelay(delayMs).withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", "req_openai_e2e")
                        .withBody(openAi("gpt", page("#0a84ff", "OpenAI fake")))));
        server.stubFor(post(urlPathEqualTo("/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + DEEPSEEK_KEY))
                .willReturn(aResponse().withFixedDelay(delayMs).withHeader("Content-Type", "application/json")
                        .withHeader("x-request-id", "req_deepseek_e2e")
                        .withBody(openAi("deepseek", page("#30d158", "DeepSeek fake")))));
        server.stubFor(post(urlPathEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(ANTHROPIC_KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .willReturn(aResponse().withFixedDelay(delayMs).withHeader("Content-Type", "application/json")
                        .withHeader("request-id", "req_anthropic_e2e")
                        .withBody(anthropic(page("#ff9f0a", "Anthropic fake")))));
        server.stubFor(post(urlPathMatching("/v1beta/models/[^/]+:generateContent"))
                .withHeader("x-goog-api-key", equalTo(GEMINI_KEY))
                .willReturn(aResponse().withFixedDelay(delayMs).withHeader("Content-Type", "application/json")
                        .withBody(gemini(page("#bf5af2", "Gemini fake")))));
    }

    List<LoggedRequest> requests() {
        return server.findAll(anyRequestedFor(anyUrl()));
    }

    int requestCount() {
        return requests().size();
    }

    /** The model a logged request asked for, whatever the provider's format puts it. */
    static String modelOf(LoggedRequest request) {
        if (request.getUrl().startsWith("/v1beta/models/")) {
            String rest = request.getUrl().substring("/v1beta/models/".length());
            return rest.substring(0, rest.indexOf(':'));
        }
        try {
            return JSON.readTree(request.getBodyAsString()).path("model").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    /** The user prompt a logged request carried: with the model, it names the (task, model) pair. */
    static String promptOf(LoggedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.getBodyAsString());
            if (body.has("contents")) {
                return body.path("contents").get(0).path("parts").get(0).path("text").asText();
            }
            JsonNode messages = body.path("messages");
            return messages.get(messages.size() - 1).path("content").asText();
        } catch (Exception e) {
            return "?";
        }
    }

    private static String page(String colour, String label) {
        return "Here is the page.\n\n```html\n<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + label
                + "</title><style>body{margin:0;background:#111;color:#eee;font:16px sans-serif}"
                + "canvas{display:block}</style></head><body><h1>" + label + "</h1>"
                + "<canvas id=\"c\" width=\"600\" height=\"300\"></canvas><script>"
                + "const c=document.getElementById('c').getContext('2d');let t=0;"
                + "function f(){c.fillStyle='#111';c.fillRect(0,0,600,300);c.fillStyle='" + colour + "';"
                + "for(let i=0;i<12;i++){c.beginPath();c.arc(50+i*45,150+Math.sin(t/10+i)*80,18,0,7);c.fill();}"
                + "t++;requestAnimationFrame(f);}f();</script></body></html>\n```\n";
    }

    /** An OpenAI chat completion carrying {@code content}, as the real API answers. */
    static String openAi(String model, String content) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-e2e").put("object", "chat.completion").put("created", 1764300000).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        root.putObject("usage").put("prompt_tokens", 420).put("completion_tokens", 910).put("total_tokens", 1330);
        return root.toString();
    }

    private static String anthropic(String text) {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "msg_e2e").put("type", "message").put("role", "assistant").put("model", "claude")
                .put("stop_reason", "end_turn");
        root.putArray("content").addObject().put("type", "text").put("text", text);
        root.putObject("usage").put("input_tokens", 430).put("output_tokens", 880);
        return root.toString();
    }

    private static String gemini(String text) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode candidate = root.putArray("candidates").addObject();
        candidate.put("finishReason", "STOP").put("index", 0);
        ObjectNode content = candidate.putObject("content");
        content.put("role", "model");
        content.putArray("parts").addObject().put("text", text);
        root.putObject("usageMetadata").put("promptTokenCount", 410).put("candidatesTokenCount", 900)
                .put("totalTokenCount", 1310);
        root.put("modelVersion", "gemini");
        return root.toString();
    }

    @Override
    public void close() {
        server.stop();
    }
}
