package dev.autobench.llm.client;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.autobench.llm.provider.Provider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Each failure status and body, per provider, in the provider's own error format: never sent and
 * refused-by-the-provider are retryable; anything that may have been processed (gateway statuses,
 * bodies that are not the provider's, other 5xx) is not; quota exhaustion is not.
 */
class FailureClassificationTest {

    @RegisterExtension
    static final ProviderStandIn PROVIDERS = new ProviderStandIn("sk-test-classify-0123456789");

    // ---- OpenAI: {"error":{"message","type","param","code"}}

    @Test
    void openAiRateLimitIsRetryableWithItsRetryAfterMs() {
        LlmCallException e = answer(Provider.OPENAI, error(429, """
                {"error":{"message":"Rate limit reached for gpt-5 on tokens per min (TPM)","type":"tokens",
                 "param":null,"code":"rate_limit_exceeded"}}""").withHeader("retry-after-ms", "1500"));
        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @Test
    void openAiInsufficientQuotaIsNotRetried() {
        LlmCallException e = answer(Provider.OPENAI, error(429, """
                {"error":{"message":"You exceeded your current quota, please check your plan and billing details.",
                 "type":"insufficient_quota","param":null,"code":"insufficient_quota"}}"""));
        assertThat(e.kind()).isEqualTo(FailureKind.QUOTA_EXHAUSTED);
        assertThat(e.kind().retryable()).isFalse();
        assertThat(e.kind().possiblyBilled()).isFalse();
    }

    @Test
    void openAiServerErrorMayHaveBeenProcessed() {
        LlmCallException e = answer(Provider.OPENAI, error(500, """
                {"error":{"message":"The server had an error while processing your request. Sorry about that!",
                 "type":"server_error","param":null,"code":null}}"""));
        assertPossiblyProcessed(e);
    }

    @Test
    void cloudflare524AfterTheModelRanMayHaveBeenProcessed() {
        LlmCallException e = answer(Provider.OPENAI, aResponse().withStatus(524).withHeader("Content-Type", "text/html")
                .withHeader("cf-ray", "8f1e2d3c4b5a6978-AMS")
                .withBody("<!DOCTYPE html><html><head><title>api.openai.com | 524: A timeout occurred</title></head>"
                        + "<body>Cloudflare</body></html>"));
        assertPossiblyProcessed(e);
        assertThat(e.httpStatus()).contains(524);
        assertThat(e.requestId()).contains("8f1e2d3c4b5a6978-AMS");
    }

    @Test
    void everyGatewayStatusMayHaveBeenProcessedWhateverItsBody() {
        for (int status : new int[] {502, 504, 520, 521, 522, 523, 524}) {
            PROVIDERS.wiremock().resetAll();
            // even an overloaded-looking body cannot be the provider's when a gateway answered
            LlmCallException e = answer(Provider.ANTHROPIC, error(status, """
                    {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
            assertThat(e.kind()).as("HTTP " + status).isEqualTo(FailureKind.POSSIBLY_PROCESSED);
        }
    }

    @Test
    void aBodiless5xxMayHaveBeenProcessed() {
        for (int status : new int[] {500, 503}) {
            PROVIDERS.wiremock().resetAll();
            assertPossiblyProcessed(answer(Provider.DEEPSEEK, aResponse().withStatus(status)));
        }
        PROVIDERS.wiremock().resetAll();
        assertPossiblyProcessed(answer(Provider.OPENAI, aResponse().withStatus(408)));
    }

    // ---- Anthropic: {"type":"error","error":{"type","message"}}

    @Test
    void anthropic529OverloadedIsRetryable() {
        LlmCallException e = answer(Provider.ANTHROPIC, error(529, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}"""));
        assertThat(e.kind()).isEqualTo(FailureKind.OVERLOADED);
        assertThat(e.kind().retryable()).isTrue();
        assertThat(e.kind().possiblyBilled()).isFalse();
    }

    @Test
    void anthropicOverloadedBodyOnA503IsRetryableButItsApiErrorIsNot() {
        assertThat(answer(Provider.ANTHROPIC, error(503, """
                {"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}""")).kind())
                .isEqualTo(FailureKind.OVERLOADED);
        PROVIDERS.wiremock().resetAll();
        assertPossiblyProcessed(answer(Provider.ANTHROPIC, error(500, """
                {"type":"error","error":{"type":"api_error","message":"Internal server error"}}""")));
    }

    @Test
    void anthropicRateLimitIsRetryable() {
        LlmCallException e = answer(Provider.ANTHROPIC, error(429, """
                {"type":"error","error":{"type":"rate_limit_error","message":"Number of request tokens has exceeded your per-minute rate limit"}}""")
                .withHeader("retry-after", "2"));
        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(2));
    }

    // ---- Gemini: {"error":{"code","message","status","details":[...]}}

    @Test
    void geminiRateLimitHonoursTheRetryDelayInItsBody() {
        LlmCallException e = answer(Provider.GOOGLE, error(429, """
                {"error":{"code":429,"message":"Resource has been exhausted (e.g. check quota).","status":"RESOURCE_EXHAUSTED",
                 "details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure","violations":[{"quotaMetric":
                 "generativelanguage.googleapis.com/generate_content_paid_tier_input_token_count",
                 "quotaId":"GenerateContentPaidTierInputTokensPerModelPerMinute"}]},
                 {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"3.5s"}]}}"""));
        assertThat(e.kind()).isEqualTo(FailureKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofMillis(3500));
    }

    @Test
    void geminiDailyQuotaIsExhaustionNotARateLimit() {
        LlmCallException e = answer(Provider.GOOGLE, error(429, """
                {"error":{"code":429,"message":"You exceeded your current quota, please check your plan and billing details.",
                 "status":"RESOURCE_EXHAUSTED","details":[{"@type":"type.googleapis.com/google.rpc.QuotaFailure",
                 "violations":[{"quotaMetric":"generativelanguage.googleapis.com/generate_content_requests",
                 "quotaId":"GenerateRequestsPerDayPerProjectPerModel"}]},
                 {"@type":"type.googleapis.com/google.rpc.RetryInfo","retryDelay":"41s"}]}}"""));
        assertThat(e.kind()).isEqualTo(FailureKind.QUOTA_EXHAUSTED);
        assertThat(e.kind().retryable()).isFalse();
    }

    @Test
    void geminiUnavailableOverloadIsRetryableButInternalIsNot() {
        assertThat(answer(Provider.GOOGLE, error(503, """
                {"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"""))
                .kind()).isEqualTo(FailureKind.OVERLOADED);
        PROVIDERS.wiremock().resetAll();
        assertPossiblyProcessed(answer(Provider.GOOGLE, error(500, """
                {"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}}""")));
        PROVIDERS.wiremock().resetAll();
        assertPossiblyProcessed(answer(Provider.GOOGLE, error(504, """
                {"error":{"code":504,"message":"Deadline exceeded","status":"DEADLINE_EXCEEDED"}}""")));
    }

    // ---- DeepSeek: OpenAI's error shape; 402 is an empty balance

    @Test
    void deepSeekRateLimitIsRetryableAndAnEmptyBalanceIsNot() {
        assertThat(answer(Provider.DEEPSEEK, error(429, """
                {"error":{"message":"Rate limit reached","type":"rate_limit_error","param":null,"code":"rate_limit"}}""")).kind())
                .isEqualTo(FailureKind.RATE_LIMITED);
        PROVIDERS.wiremock().resetAll();
        LlmCallException balance = answer(Provider.DEEPSEEK, error(402, """
                {"error":{"message":"Insufficient Balance","type":"unknown_error","param":null,"code":"invalid_request_error"}}"""));
        assertThat(balance.kind()).isEqualTo(FailureKind.QUOTA_EXHAUSTED);
        assertThat(balance.kind().retryable()).isFalse();
    }

    // ---- a server that sends its headers and then stalls

    @Test
    void headersThenAStalledBodyAreCutAtTheDeadline() {
        stub(Provider.OPENAI, okJson("""
                {"id":"chatcmpl-1","choices":[{"index":0,"message":{"role":"assistant","content":"late"}}],
                 "usage":{"prompt_tokens":1,"completion_tokens":1}}""").withChunkedDribbleDelay(4, 20_000));

        LlmCallException e = catchThrowableOfType(LlmCallException.class,
                () -> PROVIDERS.client().call(request(Provider.OPENAI).withTimeout(Duration.ofSeconds(1))));

        assertThat(e).as("the stalled body must be cut, not read to its end").isNotNull();
        assertThat(e.kind()).isEqualTo(FailureKind.TIMEOUT);
        assertThat(e.kind().retryable()).isFalse();
        PROVIDERS.wiremock().verify(exactly(1), postRequestedFor(urlEqualTo("/v1/chat/completions")));
    }

    private static void assertPossiblyProcessed(LlmCallException e) {
        assertThat(e.kind()).isEqualTo(FailureKind.POSSIBLY_PROCESSED);
        assertThat(e.kind().retryable()).isFalse();
        assertThat(e.kind().possiblyBilled()).isTrue();
    }

    private static ResponseDefinitionBuilder error(int status, String json) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(json);
    }

    private static LlmCallException answer(Provider provider, ResponseDefinitionBuilder response) {
        stub(provider, response);
        return catchThrowableOfType(LlmCallException.class, () -> PROVIDERS.client().call(request(provider)));
    }

    private static void stub(Provider provider, ResponseDefinitionBuilder response) {
        MappingBuilder mapping = switch (provider) {
            case OPENAI -> post(urlEqualTo("/v1/chat/completions"));
            case ANTHROPIC -> post(urlEqualTo("/v1/messages"));
            case GOOGLE -> post(urlPathMatching("/v1beta/models/[^/]+:generateContent"));
            default -> post(urlEqualTo("/chat/completions"));
        };
        PROVIDERS.wiremock().stubFor(mapping.willReturn(response));
    }

    private static LlmRequest request(Provider provider) {
        String model = provider == Provider.GOOGLE ? "gemini-2.5-pro" : "m";
        return new LlmRequest(provider, model, null, "system", "Build a clock", 1024, Duration.ofSeconds(60));
    }

}
