package dev.autobench.llm.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.llm.client.FailureKind;
import dev.autobench.llm.client.FinishReason;
import dev.autobench.llm.client.LlmCallException;
import dev.autobench.llm.client.LlmRequest;
import dev.autobench.llm.client.LlmResponse;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends exactly one HTTP attempt with the JDK client (native-friendly, no reflection) and classifies
 * what came back. Never retries: the caller records every attempt and decides.
 */
public final class HttpLlmTransport {

    /** Where providers put their request id, most specific first. */
    static final List<String> REQUEST_ID_HEADERS = List.of(
            "x-request-id", "request-id", "x-goog-request-id", "x-ds-trace-id", "cf-ray");
    private static final int MAX_ERROR_DETAIL = 300;

    private final HttpClient http;
    private final ObjectMapper json;

    public HttpLlmTransport(HttpClient http, ObjectMapper json) {
        this.http = http;
        this.json = json;
    }

    public static HttpClient defaultHttpClient(Duration connectTimeout) {
        // HTTP/1.1: some OpenAI-compatible servers and proxies mishandle the h2c upgrade
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public LlmResponse send(ProviderWire wire, LlmRequest request, String baseUrl, Optional<String> apiKey) {
        Redactor redactor = new Redactor(apiKey);
        HttpRequest.Builder builder;
        try {
            builder = HttpRequest.newBuilder(URI.create(wire.url(stripSlash(baseUrl), request)));
        } catch (IllegalArgumentException e) {
            throw LlmCallException.of(FailureKind.NOT_CONFIGURED, "invalid base URL for " + request.provider());
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(wire.body(json, request));
        } catch (JsonProcessingException e) {
            throw LlmCallException.of(FailureKind.BAD_REQUEST, "could not encode the request body");
        }
        builder.timeout(request.timeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        wire.headers(apiKey).forEach(builder::header);

        long start = System.nanoTime();
        HttpResponse<String> response;
        // The JDK client stops enforcing its timeout once the headers are in: a server that sends headers and
        // then stalls would hold this thread (and a bulkhead slot) for ever. The wall-clock deadline covers the
        // whole exchange, and cancelling the future aborts it.
        CompletableFuture<HttpResponse<String>> exchange =
                http.sendAsync(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        try {
            response = exchange.get(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw failure(FailureKind.TIMEOUT, "no complete answer within " + request.timeout().toSeconds() + "s",
                    null, null, null, start);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw failure(FailureKind.CONNECTION_LOST, "interrupted while waiting for the answer", null, null, null, start);
        } catch (ExecutionException e) {
            throw transportFailure(e.getCause() == null ? e : e.getCause(), request, redactor, start);
        }

        int status = response.statusCode();
        String requestId = requestId(response).orElse(null);
        if (status < 200 || status >= 300) {
            ProviderErrors.Classified classified = ProviderErrors.classify(request.provider(), status, response.body(), json);
            Duration wait = retryAfter(response).or(classified::retryDelay).orElse(null);
            throw failure(classified.kind(), "HTTP " + status + errorDetail(response.body(), redactor), status,
                    wait, requestId, start);
        }
        ProviderWire.Answer answer;
        try {
            answer = wire.parse(json.readTree(response.body()));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw new LlmCallException(FailureKind.INVALID_RESPONSE, "the " + request.provider() + " answer is not valid "
                    + "JSON of the expected shape", status, null, requestId, since(start), bestEffortUsage(response.body()));
        }
        String id = requestId != null ? requestId : answer.bodyId();
        if (answer.text() == null || answer.text().isBlank()) {
            throw new LlmCallException(FailureKind.EMPTY, "the answer has no text (" + answer.outputTokens()
                    + " output tokens, finish reason " + answer.finishReason().raw() + ")", status, null, id, since(start),
                    new LlmCallException.Usage(answer.inputTokens(), answer.outputTokens(), answer.cachedInputTokens(),
                            answer.finishReason()));
        }
        return new LlmResponse(answer.text(), answer.inputTokens(), answer.outputTokens(), id, status, since(start),
                answer.finishReason(), answer.cachedInputTokens());
    }

    /** The usage block of a body that is JSON but not the expected shape, whichever provider's names it uses. */
    private LlmCallException.Usage bestEffortUsage(String body) {
        try {
            JsonNode node = json.readTree(body);
            JsonNode usage = node.path("usage");
            JsonNode meta = node.path("usageMetadata");
            int in = Math.max(ProviderWire.intOrZero(usage.get("prompt_tokens")),
                    Math.max(ProviderWire.intOrZero(usage.get("input_tokens")), ProviderWire.intOrZero(meta.get("promptTokenCount"))));
            int out = Math.max(ProviderWire.intOrZero(usage.get("completion_tokens")),
                    Math.max(ProviderWire.intOrZero(usage.get("output_tokens")),
                            ProviderWire.intOrZero(meta.get("candidatesTokenCount")) + ProviderWire.intOrZero(meta.get("thoughtsTokenCount"))));
            return new LlmCallException.Usage(in, out, 0, FinishReason.UNKNOWN);
        } catch (IOException | RuntimeException notJson) {
            return new LlmCallException.Usage(0, 0, 0, FinishReason.UNKNOWN);
        }
    }

    static Optional<String> requestId(HttpResponse<?> response) {
        for (String name : REQUEST_ID_HEADERS) {
            Optional<String> value = response.headers().firstValue(name).filter(v -> !v.isBlank());
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /** {@code retry-after-ms} (OpenAI), then {@code Retry-After} as seconds or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response) {
        Optional<String> millis = response.headers().firstValue("retry-after-ms");
        if (millis.isPresent()) {
            try {
                return Optional.of(Duration.ofMillis((long) Double.parseDouble(millis.get().trim())));
            } catch (NumberFormatException ignored) {
                // fall through to Retry-After
            }
        }
        return response.headers().firstValue("retry-after").flatMap(HttpLlmTransport::parseRetryAfter);
    }

    static Optional<Duration> parseRetryAfter(String value) {
        String v = value.trim();
        try {
            return Optional.of(Duration.ofMillis((long) (Double.parseDouble(v) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Duration d = Duration.between(Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME));
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (RuntimeException notDate) {
                return Optional.empty();
            }
        }
    }

    private String errorDetail(String body, Redactor redactor) {
        if (body == null || body.isBlank()) {
            return "";
        }
        String detail;
        try {
            JsonNode node = json.readTree(body);
            JsonNode error = node.isArray() ? node.path(0).path("error") : node.path("error");
            detail = error.isTextual() ? error.asText() : error.path("message").asText("");
        } catch (IOException notJson) {
            detail = "";
        }
        if (detail.isBlank()) {
            return "";
        }
        detail = redactor.apply(detail.replaceAll("\\s+", " ").strip());
        return ": " + (detail.length() > MAX_ERROR_DETAIL ? detail.substring(0, MAX_ERROR_DETAIL) + "..." : detail);
    }

    private static LlmCallException transportFailure(Throwable e, LlmRequest request, Redactor redactor, long start) {
        if (e instanceof HttpConnectTimeoutException) {
            return failure(FailureKind.CONNECT_ERROR, "connect timed out", null, null, null, start);
        }
        if (e instanceof HttpTimeoutException) {
            return failure(FailureKind.TIMEOUT, "no answer within " + request.timeout().toSeconds() + "s",
                    null, null, null, start);
        }
        if (isConnectFailure(e)) {
            return failure(FailureKind.CONNECT_ERROR, "connection failed: " + simpleName(e), null, null, null, start);
        }
        return failure(FailureKind.CONNECTION_LOST,
                "connection lost after the request was sent: " + redactor.apply(simpleName(e)), null, null, null, start);
    }

    private static boolean isConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException
                    || t instanceof java.net.UnknownHostException || t instanceof java.net.NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static String simpleName(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static LlmCallException failure(FailureKind kind, String message, Integer status, Duration retryAfter,
                                            String requestId, long start) {
        return new LlmCallException(kind, message, status, retryAfter, requestId, since(start));
    }

    private static Duration since(long start) {
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private static String stripSlash(String url) {
        String u = url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}
