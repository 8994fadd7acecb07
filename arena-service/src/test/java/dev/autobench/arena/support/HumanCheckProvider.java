package dev.autobench.arena.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.http.Fault;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A human-check provider in Cloudflare Turnstile's wire format: {@code siteverify} takes a form of
 * {@code secret} and {@code response} and answers JSON. Tokens starting {@code human-} pass (what a
 * person's widget produces), {@code reset-} lose the connection, {@code broken-} get a
 * 500, anything else fails with {@code invalid-input-response}. It also serves a stand-in for the
 * widget's script that "solves" the challenge at once, for the browser tests.
 */
public class HumanCheckProvider implements QuarkusTestResourceLifecycleManager {

    public static final String SECRET = "test-human-check-secret";
    public static final String SITE_KEY = "test-site-key";
    public static final String VERIFY_PATH = "/turnstile/v0/siteverify";
    public static final String SCRIPT_PATH = "/turnstile/v0/api.js";

    /** The widget's stand-in: renders a marker into the container and hands its callback a passing token. */
    static final String WIDGET = """
            window.turnstile = {
              render(container, options) {
                const el = typeof container === 'string' ? document.querySelector(container) : container;
                const marker = document.createElement('span');
                marker.className = 'test-widget';
                marker.textContent = 'widget for ' + options.sitekey;
                el.appendChild(marker);
                setTimeout(() => options.callback('human-' + Math.random().toString(36).slice(2)), 50);
                return 'widget-1';
              }
            };
            """;

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo(VERIFY_PATH)).atPriority(9)
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":false,\"error-codes\":[\"invalid-input-response\"],\"messages\":[]}")));
        server.stubFor(post(urlPathEqualTo(VERIFY_PATH)).atPriority(1)
                .withFormParam("secret", matching(SECRET))
                .withFormParam("response", matching("human-.*"))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody("{\"success\":true,\"challenge_ts\":\"2026-12-03T07:00:00.000Z\","
                                + "\"hostname\":\"localhost\",\"error-codes\":[],\"action\":\"\",\"cdata\":\"\"}")));
        server.stubFor(post(urlPathEqualTo(VERIFY_PATH)).atPriority(1)
                .withRequestBody(containing("response=reset-"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        server.stubFor(post(urlPathEqualTo(VERIFY_PATH)).atPriority(1)
                .withRequestBody(containing("response=broken-"))
                .willReturn(aResponse().withStatus(500).withBody("upstream error")));
        server.stubFor(get(urlPathEqualTo(SCRIPT_PATH))
                .willReturn(aResponse().withHeader("Content-Type", "text/javascript").withBody(WIDGET)));
        String base = server.baseUrl();
        return Map.of("autobench.arena.human-check.enabled", "true",
                "autobench.arena.human-check.site-key", SITE_KEY,
                "autobench.arena.human-check.secret", SECRET,
                "autobench.arena.human-check.verify-url", base + VERIFY_PATH,
                "autobench.arena.human-check.script-url", base + SCRIPT_PATH,
                "autobench.arena.human-check.timeout", "60s");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
