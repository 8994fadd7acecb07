package dev.autobench.renderer.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.autobench.renderer.artifact.PageProblem;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Listens to one page while it renders: serves the artifact to the browser, refuses every other request,
 * answers dialogs, and collects errors and lifecycle events. Runs on the WebSocket thread, so it only ever
 * sends commands without waiting for their replies.
 */
final class PageEvents implements CdpConnection.EventListener {

    /** The address the page is served under; {@code .invalid} can never resolve, and it is fulfilled in-browser. */
    static final String ARTIFACT_URL = "https://artifact.autobench.invalid/";
    static final int MAX_PROBLEMS = 50;

    private final CdpConnection cdp;
    private final String html;
    private final String contentSecurityPolicy;
    private final List<PageProblem> jsErrors = Collections.synchronizedList(new ArrayList<>());
    private final List<PageProblem> consoleErrors = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, CompletableFuture<Void>> loads = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> commits = new ConcurrentHashMap<>();
    private final AtomicInteger exceptionCount = new AtomicInteger();
    final CompletableFuture<String> crashed = new CompletableFuture<>();
    private volatile String sessionId;

    PageEvents(CdpConnection cdp, String html, String contentSecurityPolicy) {
        this.cdp = cdp;
        this.html = html;
        this.contentSecurityPolicy = contentSecurityPolicy;
    }

    void attach(String sessionId) {
        this.sessionId = sessionId;
    }

    /** Completes when the document of this navigation has fired its load event. */
    CompletableFuture<Void> loaded(String loaderId) {
        return loads.computeIfAbsent(loaderId, id -> new CompletableFuture<>());
    }

    /**
     * Completes when the main frame has committed the document of this navigation: from then on the tab shows
     * it, and a screenshot waits for it instead of failing with "Not attached to an active page".
     */
    CompletableFuture<Void> committed(String loaderId) {
        return commits.computeIfAbsent(loaderId, id -> new CompletableFuture<>());
    }

    /** Whether any document of this page fired its load event. */
    boolean anyLoaded() {
        return loads.values().stream().anyMatch(CompletableFuture::isDone);
    }

    List<PageProblem> jsErrors() {
        synchronized (jsErrors) {
            return List.copyOf(jsErrors);
        }
    }

    /** All uncaught exceptions, also those past the {@link #MAX_PROBLEMS} kept. */
    int exceptionCount() {
        return exceptionCount.get();
    }

    List<PageProblem> consoleErrors() {
        synchronized (consoleErrors) {
            return List.copyOf(consoleErrors);
        }
    }

    @Override
    public void onEvent(String session, String method, JsonNode params) {
        if (session == null || !session.equals(sessionId)) {
            return;
        }
        switch (method) {
            case "Fetch.requestPaused" -> onRequest(params);
            case "Page.lifecycleEvent" -> {
                if ("load".equals(params.path("name").asText())) {
                    loaded(params.path("loaderId").asText()).complete(null);
                }
            }
            case "Page.frameNavigated" -> {
                JsonNode frame = params.path("frame");
                if (!frame.hasNonNull("parentId")) {
                    committed(frame.path("loaderId").asText()).complete(null);
                }
            }
            case "Page.javascriptDialogOpening" -> {
                // alert(), confirm() and prompt() would block the page forever
                ObjectNode accept = cdp.params().put("accept", true);
                cdp.send(sessionId, "Page.handleJavaScriptDialog", accept);
            }
            case "Runtime.exceptionThrown" -> {
                exceptionCount.incrementAndGet();
                add(jsErrors, exception(params.path("exceptionDetails")));
            }
            case "Runtime.consoleAPICalled" -> {
                String type = params.path("type").asText();
                if (type.equals("error") || type.equals("assert")) {
                    JsonNode frame = params.path("stackTrace").path("callFrames").path(0);
                    add(consoleErrors, new PageProblem("console", consoleText(params.path("args")),
                            textOrNull(frame.path("url")), lineOf(frame.path("lineNumber")), lineOf(frame.path("columnNumber"))));
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if ("error".equals(entry.path("level").asText())) {
                    add(consoleErrors, new PageProblem(entry.path("source").asText("other"), entry.path("text").asText(),
                            textOrNull(entry.path("url")), lineOf(entry.path("lineNumber")), null));
                }
            }
            case "Inspector.targetCrashed" -> crashed.complete("the page's renderer process crashed");
            default -> {
                // other events are not needed
            }
        }
    }

    private void onRequest(JsonNode params) {
        String requestId = params.path("requestId").asText();
        String url = params.path("request").path("url").asText();
        String resourceType = params.path("resourceType").asText();
        if (url.equals(ARTIFACT_URL) && resourceType.equals("Document")) {
            ObjectNode fulfil = cdp.params().put("requestId", requestId).put("responseCode", 200);
            fulfil.putArray("responseHeaders")
                    .add(header("Content-Type", "text/html; charset=utf-8"))
                    .add(header("Content-Security-Policy", contentSecurityPolicy))
                    .add(header("Cache-Control", "no-store"));
            fulfil.put("body", Base64.getEncoder().encodeToString(html.getBytes(StandardCharsets.UTF_8)));
            cdp.send(sessionId, "Fetch.fulfillRequest", fulfil);
            return;
        }
        if (url.startsWith("data:") || url.startsWith("blob:")) {
            cdp.send(sessionId, "Fetch.continueRequest", cdp.params().put("requestId", requestId));
            return;
        }
        // An aborted navigation leaves the artifact on screen; a failed one would show Chromium's error page.
        String reason = resourceType.equals("Document") ? "Aborted" : "BlockedByClient";
        cdp.send(sessionId, "Fetch.failRequest", cdp.params().put("requestId", requestId).put("errorReason", reason));
    }

    private ObjectNode header(String name, String value) {
        return cdp.params().put("name", name).put("value", value);
    }

    private static PageProblem exception(JsonNode details) {
        String description = details.path("exception").path("description").asText(null);
        String text = description != null ? description : details.path("text").asText("Uncaught error");
        return new PageProblem("exception", text, textOrNull(details.path("url")),
                lineOf(details.path("lineNumber")), lineOf(details.path("columnNumber")));
    }

    private static String consoleText(JsonNode args) {
        StringBuilder text = new StringBuilder();
        for (JsonNode arg : args) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            JsonNode value = arg.get("value");
            text.append(value != null ? value.asText() : arg.path("description").asText(arg.path("type").asText()));
            if (text.length() > PageProblem.MAX_TEXT) {
                break;
            }
        }
        return text.toString();
    }

    private static Integer lineOf(JsonNode zeroBased) {
        return zeroBased.isNumber() ? zeroBased.asInt() + 1 : null;
    }

    private static String textOrNull(JsonNode node) {
        String text = node.asText(null);
        return text == null || text.isEmpty() ? null : text;
    }

    private static void add(List<PageProblem> problems, PageProblem problem) {
        synchronized (problems) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(problem);
            }
        }
    }
}
