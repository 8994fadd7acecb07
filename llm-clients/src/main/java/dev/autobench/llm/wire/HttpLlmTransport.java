package dev.autobench.llm.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.autobench.llm.FailureKind;
import dev.autobench.llm.LlmCallException;
import dev.autobench.llm.LlmRequest;
import dev.autobench.llm.LlmResponse;

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
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw failure(FailureKind.CONNECT_ERROR, "connect timed out", null, null, null, start);
        } catch (HttpTimeoutException e) {
            throw failure(FailureKind.TIMEOUT, "no answer within " + request.timeout().toSeconds() + "s",
                    null, null, null, start);
        } catch (ConnectException | UnresolvedAddressException e) {
            throw failure(FailureKind.CONNECT_ERROR, "connection failed: " + simpleName(e), null, null, null, start);
        } catch (IOException e) {
            if (isConnectFailure(e)) {
                throw failure(FailureKind.CONNECT_ERROR, "connection failed: " + simpleName(e), null, null, null, start);
            }
            throw failure(FailureKind.CONNECTION_LOST,
                    "connection lost after the request was sent: " + redactor.apply(simpleName(e)), null, null, null, start);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(FailureKind.CONNECTION_LOST, "interrupted while waiting for the answer", null, null, null, start);
        }

        int status = response.statusCode();
        String requestId = requestId(response).orElse(null);
        if (status < 200 || status >= 300) {
            throw failure(kindOf(status), "HTTP " + status + errorDetail(response.body(), redactor), status,
                    retryAfter(response).orElse(null), requestId, start);
        }
        ProviderWire.Answer answer;
        try {
            answer = wire.parse(json.readTree(response.body()));
        } catch (IOException | IllegalArgumentException | NullPointerException e) {
            throw failure(FailureKind.INVALID_RESPONSE, "the " + request.provider() + " answer is not valid JSON of the "
                    + "expected shape", status, null, requestId, start);
        }
        String id = requestId != null ? requestId : answer.bodyId();
        if (answer.text() == null || answer.text().isBlank()) {
            throw failure(FailureKind.EMPTY, "the answer has no text (" + answer.outputTokens() + " output tokens)",
                    status, null, id, start);
        }
        return new LlmResponse(answer.text(), answer.inputTokens(), answer.outputTokens(), id, status, since(start));
    }

    static FailureKind kindOf(int status) {
        if (status == 429) {
            return FailureKind.RATE_LIMITED;
        }
        if (status == 401 || status == 403) {
            return FailureKind.UNAUTHORIZED;
        }
        if (status == 529 || status == 503) {
            return FailureKind.OVERLOADED;
        }
        if (status >= 500 || status == 408) {
            return FailureKind.SERVER_ERROR;
        }
        return FailureKind.BAD_REQUEST;
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

    private static boolean isConnectFailure(IOException e) {
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
