package dev.autobench.llm.client;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.autobench.llm.provider.Provider;
import dev.autobench.llm.provider.StaticEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each provider's real wire format, and how every kind of failure of one attempt is classified. */
class ProviderClientsTest {

    static final String KEY = "sk-test-SECRET-0123456789abcdef";
    @RegisterExtension
    static final ProviderStandIn PROVIDERS = new ProviderStandIn(KEY);

    static LlmRequest request(Provider provider, String model) {
        return new LlmRequest(provider, model, null, "You write single-file web pages.", "Build a clock", 4096,
                Duration.ofSeconds(60));
    }

    @Test
    void openAiSpeaksChatCompletionsWithBearerAndMaxCompletionTokens() {
        PROVIDERS.wiremock().stubFor(post("/v1/chat/completions").willReturn(okJson("""
                {"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"hello"}}],
                 "usage":{"prompt_tokens":12,"completion_tokens":34}}""").withHeader("x-request-id", "req_abc")));

        LlmResponse response = PROVIDERS.client().call(request(Provider.OPENAI, "gpt-5"));

        assertThat(response.text()).isEqualTo("hello");
        assertThat(response.inputTokens()).isEqualTo(12);
        assertThat(response.outputTokens()).isEqualTo(34);
        assertThat(response.requestId()).isEqualTo("req_abc");
        assertThat(response.httpStatus()).isEqualTo(200);
        PROVIDERS.wiremock().verify(exactly(1), postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model":"gpt-5","messages":[{"role":"system","content":"You write single-file web pages."},
                         {"role":"user","content":"Build a clock"}],"max_completion_tokens":4096}""")));
    }

    @Test
    void anthropicSpeaksMessagesWithApiKeyAndVersion() {
        PROVIDERS.wiremock().stubFor(post("/v1/messages").willReturn(okJson("""
                {"id":"msg_1","type":"message","content":[{"type":"text","text":"part one "},{"type":"text","text":"part two"}],
                 "usage":{"input_tokens":20,"output_tokens":40}}""").withHeader("request-id", "req_ant")));

        LlmResponse response = PROVIDERS.client().call(request(Provider.ANTHROPIC, "claude-sonnet-4-5"));

        assertThat(response.text()).isEqualTo("part one part two");
        assertThat(response.inputTokens()).isEqualTo(20);
        assertThat(response.outputTokens()).isEqualTo(40);
        assertThat(response.requestId()).isEqualTo("req_ant");
        PROVIDERS.wiremock().verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(KEY))
                .withHeader("anthropic-version", equalTo("2023-06-01"))
                .withoutHeader("Authorization")
                .withRequestBody(equalToJson("""
                        {"model":"claude-sonnet-4-5","max_tokens":4096,"system":"You write single-file web pages.",
                         "messages":[{"role":"user","content":"Build a clock"}]}""")));
    }

    @Test
    void googleSpeaksGenerateContentWithGoogApiKey() {
        PROVIDERS.wiremock().stubFor(post("/v1beta/models/gemini-2.5-pro:generateContent").willReturn(okJson("""
                {"candidates":[{"content":{"role":"model","parts":[{"text":"thinking","thought":true},{"text":"answer"}]}}],
                 "usageMetadata":{"promptTokenCount":7,"candidatesTokenCount":9,"thoughtsTokenCount":5},
                 "responseId":"resp-g"}""")));

        LlmResponse response = PROVIDERS.client().call(request(Provider.GOOGLE, "gemini-2.5-pro"));

        assertThat(response.text()).isEqualTo("answer");
        assertThat(response.inputTokens()).isEqualTo(7);
        assertThat(response.outputTokens()).isEqualTo(14);
        assertThat(response.requestId()).isEqualTo("resp-g");
        PROVIDERS.wiremock().verify(postRequestedFor(urlEqualTo("/v1beta/models/gemini-2.5-pro:generateContent"))
                .withHeader("x-goog-api-key", equalTo(KEY))
                .withRequestBody(equalToJson("""
                        {"systemInstruction":{"parts":[{"text":"You write single-file web pages."}]},
                         "contents":[{"role":"user","parts":[{"text":"Build a clock"}]}],
                         "generationConfig":{"maxOutputTokens":4096}}""")));
    }

    @Test
    void deepSeekAndCompatibleServersSpeakChatCompletionsWithoutTheV1Prefix() {
        PROVIDERS.wiremock().stubFor(post("/chat/completions").willReturn(okJson("""
                {"id":"ds-1","choices":[{"message":{"content":"ok"}}],"usage":{"prompt_tokens":1,"completion_tokens":2}}""")));

        assertThat(PROVIDERS.client().call(request(Provider.DEEPSEEK, "deepseek-chat")).requestId()).isEqualTo("ds-1");
        assertThat(PROVIDERS.client().call(request(Provider.OPENAI_COMPATIBLE, "llama3")).text()).isEqualTo("ok");

        PROVIDERS.wiremock().verify(exactly(2), postRequestedFor(urlEqualTo("/chat/completions"))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson("{\"max_tokens\":4096}", true, true)));
    }

    @Test
    void aPerModelBaseUrlWinsOverTheProvidersOne() {
        PROVIDERS.wiremock().stubFor(post("/proxy/v1/chat/completions").willReturn(okJson("""
                {"choices":[{"message":{"content":"via proxy"}}]}""")));

        LlmResponse response = PROVIDERS.client().call(request(Provider.OPENAI, "gpt-5").withBaseUrl(PROVIDERS.wiremock().baseUrl() + "/proxy/"));

        assertThat(response.text()).isEqualTo("via proxy");
    }

    @Test
    void aModelsBaseUrlOutsideTheProvidersOriginsNeverReceivesTheKey() {
        WireMockServer attacker = new WireMockServer(options().dynamicPort());
        attacker.start();
        try {
            attacker.stubFor(post("/v1/chat/completions").willReturn(okJson("{\"choices\":[{\"message\":{\"content\":\"x\"}}]}")));
            String local = attacker.baseUrl().replace("localhost", "127.0.0.1");
            for (String foreign : new String[] {attacker.baseUrl(), attacker.baseUrl() + "/v1",
                    PROVIDERS.wiremock().baseUrl().replace("http://", "http://user@").replace("localhost", "127.0.0.1") + "@" + local.substring(7),
                    "ftp://" + local.substring(7)}) {
                LlmCallException e = catchThrowableOfType(LlmCallException.class,
                        () -> PROVIDERS.client().call(request(Provider.OPENAI, "gpt-5").withBaseUrl(foreign)));
                assertThat(e.kind()).as(foreign).isEqualTo(FailureKind.NOT_CONFIGURED);
                assertThat(e.getMessage()).contains("AUTOBENCH_PROVIDERS_OPENAI_ALLOWED_ORIGINS");
            }
            assertThat(attacker.getAllServeEvents()).isEmpty();

            // the operator may allow further origins per provider
            LlmClient allowing = LlmClient.create(new StaticEndpoints(PROVIDERS.wiremock().baseUrl(), Map.of(Provider.OPENAI, KEY),
                    java.util.List.of(attacker.baseUrl())), Duration.ofSeconds(30), Duration.ZERO);
            assertThat(allowing.call(request(Provider.OPENAI, "gpt-5").withBaseUrl(attacker.baseUrl() + "/")).text())
                    .isEqualTo("x");
            assertThat(allowing.allowsBaseUrl(Provider.ANTHROPIC, attacker.baseUrl())).isFalse();
            assertThat(allowing.allowsBaseUrl(Provider.DEMO, PROVIDERS.wiremock().baseUrl())).isFalse();
        } finally {
            attacker.stop();
        }
    }

    @Test
    void finishReasonsAndCachedPromptTokensAreReadInEachProvidersFormat() {
        PROVIDERS.wiremock().stubFor(post("/v1/chat/completions").willReturn(okJson("""
                {"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":"<html>cut"},"finish_reason":"length"}],
                 "usage":{"prompt_tokens":100,"completion_tokens":4096,"prompt_tokens_details":{"cached_tokens":64}}}""")));
        PROVIDERS.wiremock().stubFor(post("/v1/messages").willReturn(okJson("""
                {"id":"m","type":"message","content":[{"type":"text","text":"I can't help with that."}],"stop_reason":"refusal",
                 "usage":{"input_tokens":20,"output_tokens":8,"cache_read_input_tokens":30}}""")));
        PROVIDERS.wiremock().stubFor(post("/chat/completions").willReturn(okJson("""
                {"id":"d","choices":[{"message":{"content":"ok"},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":50,"completion_tokens":5,"prompt_cache_hit_tokens":40}}""")));

        LlmResponse openAi = PROVIDERS.client().call(request(Provider.OPENAI, "gpt-5"));
        assertThat(openAi.finishReason().raw()).isEqualTo("length");
        assertThat(openAi.finishReason().truncated()).isTrue();
        assertThat(openAi.cachedInputTokens()).isEqualTo(64);
        LlmResponse anthropic = PROVIDERS.client().call(request(Provider.ANTHROPIC, "claude-sonnet-4-5"));
        assertThat(anthropic.finishReason().refused()).isTrue();
        assertThat(anthropic.inputTokens()).as("cache reads are input too").isEqualTo(50);
        assertThat(anthropic.cachedInputTokens()).isEqualTo(30);
        LlmResponse deepSeek = PROVIDERS.client().call(request(Provider.DEEPSEEK, "deepseek-chat"));
        assertThat(deepSeek.finishReason().truncated()).isFalse();
        assertThat(deepSeek.finishReason().refused()).isFalse();
        assertThat(deepSeek.cachedInputTokens()).isEqualTo(40);
    }

    @Test
    void aBlockedGeminiPromptIsABilledEmptyAnswerWithItsBlockReason() {
        PROVIDERS.wiremock().stubFor(post("/v1beta/models/gemini-2.5-pro:generateContent").willReturn(okJson("""
                {"promptFeedback":{"blockReason":"SAFETY"},"usageMetadata":{"promptTokenCount":12,"totalTokenCount":12}}""")));

        LlmCallException e = failure(Provider.GOOGLE);

        assertThat(e.kind()).isEqualTo(FailureKind.EMPTY);
        assertThat(e.usage()).hasValueSatisfying(u -> {
            assertThat(u.inputTokens()).isEqualTo(12);
            assertThat(u.finishReason().raw()).isEqualTo("safety");
            assertThat(u.finishReason().refused()).isTrue();
        });
    }

    @Test
    void rateLimitIsRetryableAndCarriesRetryAfter() {
        PROVIDERS.wiremock().stubFor(post("/v1/messages").willReturn(aResponse().withStatus(429).withHeader("retry-after", "7")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":\"slow down\"}}")));

        LlmCallException e = failure(Provider.ANTHROPIC);

        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.httpStatus()).contains(429);
        assertThat(e.getMessage()).contains("slow down");
    }

    @Test
    void anthropicOverloadIsRetryableButABodilessServerErrorMayHaveBeenProcessed() {
        PROVIDERS.wiremock().stubFor(post("/v1/messages").willReturn(aResponse().withStatus(529)));
        PROVIDERS.wiremock().stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(500)));

        assertThat(failure(Provider.ANTHROPIC).kind()).isEqualTo(FailureKind.OVERLOADED);
        LlmCallException serverError = failure(Provider.OPENAI);
        assertThat(serverError.kind()).isEqualTo(FailureKind.POSSIBLY_PROCESSED);
        assertThat(serverError.kind().retryable()).isFalse();
        assertThat(serverError.kind().possiblyBilled()).isTrue();
    }

    @Test
    void malformedJsonAndEmptyContentAreBilledAndNotRetryable() {
        PROVIDERS.wiremock().stubFor(post("/v1/chat/completions").willReturn(okJson("{\"choices\": [ {")));
        PROVIDERS.wiremock().stubFor(post("/chat/completions").willReturn(okJson("""
                {"choices":[{"message":{"content":""}}],"usage":{"prompt_tokens":5,"completion_tokens":0}}""")));

        LlmCallException malformed = failure(Provider.OPENAI);
        assertThat(malformed.kind()).isEqualTo(FailureKind.INVALID_RESPONSE);
        assertThat(malformed.kind().retryable()).isFalse();
        LlmCallException empty = failure(Provider.DEEPSEEK);
        assertThat(empty.kind()).isEqualTo(FailureKind.EMPTY);
        assertThat(empty.kind().possiblyBilled()).isTrue();
    }

    @Test
    void aResetAfterSendingIsNotRetryableButARefusedConnectionIs() throws Exception {
        PROVIDERS.wiremock().stubFor(post("/v1/chat/completions").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        assertThat(failure(Provider.OPENAI).kind()).isEqualTo(FailureKind.CONNECTION_LOST);

        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        LlmClient closed = LlmClient.create(new StaticEndpoints("http://127.0.0.1:" + closedPort,
                Map.of(Provider.OPENAI, KEY)), Duration.ofSeconds(30), Duration.ZERO);
        LlmCallException refused = catchThrowableOfType(LlmCallException.class, () -> closed.call(
                request(Provider.OPENAI, "gpt-5")));
        assertThat(refused.kind()).isEqualTo(FailureKind.CONNECT_ERROR);
        assertThat(refused.kind().retryable()).isTrue();
    }

    @Test
    void anAnswerSlowerThanTheTimeoutIsATimeout() {
        PROVIDERS.wiremock().stubFor(post("/v1/chat/completions").willReturn(okJson("{}").withFixedDelay(3000)));

        LlmCallException e = catchThrowableOfType(LlmCallException.class,
                () -> PROVIDERS.client().call(request(Provider.OPENAI, "gpt-5").withTimeout(Duration.ofMillis(300))));

        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.kind().retryable()).isFalse();
    }

    @Test
    void theKeyNeverAppearsInAFailureEvenWhenTheProviderEchoesIt() {
        PROVIDERS.wiremock().stubFor(post("/v1/chat/completions").willReturn(aResponse().withStatus(401).withBody(
                "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + ". Also sk-proj-abcdefgh1234****wxyz\"}}")));

        LlmCallException e = failure(Provider.OPENAI);

        assertThat(e.kind()).isEqualTo(FailureKind.UNAUTHORIZED);
        assertThat(e.getMessage()).doesNotContain(KEY).doesNotContain("abcdefgh1234").contains("[redacted]");
    }

    @Test
    void aProviderWithoutAKeyIsNotCalled() {
        LlmClient keyless = LlmClient.create(new StaticEndpoints(PROVIDERS.wiremock().baseUrl(), Map.of()), Duration.ofSeconds(1),
                Duration.ZERO);

        LlmCallException e = catchThrowableOfType(LlmCallException.class,
                () -> keyless.call(request(Provider.OPENAI, "gpt-5")));

        assertThat(e.kind()).isEqualTo(FailureKind.NOT_CONFIGURED);
        assertThat(e.getMessage()).contains("OPENAI_API_KEY");
        assertThat(keyless.isConfigured(Provider.OPENAI)).isFalse();
        assertThat(keyless.isConfigured(Provider.OPENAI_COMPATIBLE)).isTrue();
        PROVIDERS.wiremock().verify(exactly(0), postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    private static LlmCallException failure(Provider provider) {
        String model = provider == Provider.GOOGLE ? "gemini-2.5-pro" : "m";
        return catchThrowableOfType(LlmCallException.class, () -> PROVIDERS.client().call(request(provider, model)));
    }
}
