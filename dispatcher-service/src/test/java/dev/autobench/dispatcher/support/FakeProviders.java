package dev.autobench.dispatcher.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/** The four providers' happy answers in their real wire formats, and request patterns to count calls. */
public final class FakeProviders {

    public static final String OPENAI_PATH = "/v1/chat/completions";
    public static final String ANTHROPIC_PATH = "/v1/messages";
    public static final String GOOGLE_PATH_REGEX = "/v1beta/models/[^/]+:generateContent";
    public static final String DEEPSEEK_PATH = "/chat/completions";

    static final String PAGE = "Here it is:\\n```html\\n<!DOCTYPE html><html><body><h1>Done</h1>"
            + "<script>document.title='ok'</script></body></html>\\n```\\nEnjoy.";

    private FakeProviders() {
    }

    public static void stubAllSucceed(WireMockServer wm) {
        wm.stubFor(openAi().atPriority(10).willReturn(openAiAnswer(PAGE).withHeader("x-request-id", "req-openai")));
        wm.stubFor(anthropic().atPriority(10).willReturn(anthropicAnswer(PAGE).withHeader("request-id", "req-anthropic")));
        wm.stubFor(google().atPriority(10).willReturn(googleAnswer(PAGE)));
        wm.stubFor(deepSeek().atPriority(10).willReturn(openAiAnswer(PAGE).withHeader("x-request-id", "req-deepseek")));
        wm.stubFor(post("/api/render").willReturn(okJson("{\"rendered\":0,\"failed\":0}")));
    }

    public static MappingBuilder openAi() {
        return post(urlEqualTo(OPENAI_PATH));
    }

    public static MappingBuilder anthropic() {
        return post(urlEqualTo(ANTHROPIC_PATH));
    }

    public static MappingBuilder google() {
        return post(urlPathMatching(GOOGLE_PATH_REGEX));
    }

    public static MappingBuilder deepSeek() {
        return post(urlEqualTo(DEEPSEEK_PATH));
    }

    /** A stub that only answers prompts of the task with this title. */
    public static MappingBuilder forTask(MappingBuilder provider, String title) {
        return provider.atPriority(1).withRequestBody(containing(title));
    }

    public static RequestPatternBuilder openAiCalls() {
        return postRequestedFor(urlEqualTo(OPENAI_PATH));
    }

    public static RequestPatternBuilder anthropicCalls() {
        return postRequestedFor(urlEqualTo(ANTHROPIC_PATH));
    }

    public static RequestPatternBuilder googleCalls() {
        return postRequestedFor(urlPathMatching(GOOGLE_PATH_REGEX));
    }

    public static RequestPatternBuilder deepSeekCalls() {
        return postRequestedFor(urlEqualTo(DEEPSEEK_PATH));
    }

    public static int providerRequests(WireMockServer wm) {
        return wm.countRequestsMatching(openAiCalls().build()).getCount()
                + wm.countRequestsMatching(anthropicCalls().build()).getCount()
                + wm.countRequestsMatching(googleCalls().build()).getCount()
                + wm.countRequestsMatching(deepSeekCalls().build()).getCount();
    }

    public static ResponseDefinitionBuilder openAiAnswer(String escapedText) {
        return okJson("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":\"" + escapedText + "\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":1000,\"completion_tokens\":2000}}");
    }

    public static ResponseDefinitionBuilder anthropicAnswer(String escapedText) {
        return okJson("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"text\","
                + "\"text\":\"" + escapedText + "\"}],\"stop_reason\":\"end_turn\","
                + "\"usage\":{\"input_tokens\":1000,\"output_tokens\":2000}}");
    }

    public static ResponseDefinitionBuilder googleAnswer(String escapedText) {
        return okJson("{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"" + escapedText + "\"}]},"
                + "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":1000,\"candidatesTokenCount\":2000},"
                + "\"responseId\":\"resp-google\"}");
    }

    public static ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"status " + status + "\"}}");
    }
}
