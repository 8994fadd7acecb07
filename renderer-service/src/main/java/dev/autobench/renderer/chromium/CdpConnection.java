package dev.autobench.renderer.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One Chrome DevTools Protocol connection over the JDK WebSocket client (no reflection, native-image safe).
 * Commands are matched to replies by id; events go to listeners, with the flattened session they belong to.
 */
final class CdpConnection implements WebSocket.Listener, AutoCloseable {

    /** Receives every event: the session it came from ({@code null} for the browser), method and params. */
    interface EventListener {
        void onEvent(String sessionId, String method, JsonNode params);
    }

    private final ObjectMapper json;
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    /** The method of each pending command: an error names the command it answers. */
    private final Map<Integer, String> methods = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private WebSocket socket;

    private CdpConnection(ObjectMapper json) {
        this.json = json;
    }

    /**
     * A client for {@link #open}. One serves every render (building one per connection costs more than the rest of
     * the handshake); its owner creates it when the service starts, never in a static field, because a native
     * image initialises classes at build time and a live client (its selector thread) cannot be stored in the image.
     */
    static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    static CdpConnection open(HttpClient client, URI endpoint, ObjectMapper json, Duration timeout)
            throws IOException, InterruptedException, TimeoutException {
        CdpConnection connection = new CdpConnection(json);
        try {
            connection.socket = client.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .buildAsync(endpoint, connection)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IOException("cannot connect to the DevTools endpoint", e.getCause());
        }
        return connection;
    }

    void addListener(EventListener listener) {
        listeners.add(listener);
    }

    /** Sends a command; the future completes with its {@code result}, or exceptionally with its error. */
    CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = json.createObjectNode().put("id", id).put("method", method);
        if (params != null) {
            message.set("params", params);
        }
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        if (closed.isDone()) {
            reply.completeExceptionally(new IOException("DevTools connection closed"));
            return reply;
        }
        pending.put(id, reply);
        methods.put(id, method);
        String text = message.toString();
        synchronized (this) {
            // The JDK WebSocket allows one outstanding send; CDP replies carry the id, so order is not needed.
            socket.sendText(text, true).exceptionally(e -> {
                failPending(id, e);
                return null;
            }).join();
        }
        return reply;
    }

    /** Sends a command and waits for its result until {@code deadline} (System.nanoTime based). */
    JsonNode call(String sessionId, String method, ObjectNode params, long deadlineNanos)
            throws IOException, InterruptedException, TimeoutException {
        CompletableFuture<JsonNode> reply = send(sessionId, method, params);
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw new TimeoutException(method);
        }
        try {
            return reply.get(remaining, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(method + " failed", e.getCause());
        }
    }

    ObjectNode params() {
        return json.createObjectNode();
    }

    boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            String message = partial.toString();
            partial.setLength(0);
            dispatch(message);
        }
        webSocket.request(1);
        return null;
    }

    private void dispatch(String message) {
        JsonNode node;
        try {
            node = json.readTree(message);
        } catch (IOException e) {
            return;
        }
        if (node.has("id")) {
            int id = node.get("id").asInt();
            CompletableFuture<JsonNode> reply = pending.remove(id);
            String method = methods.remove(id);
            if (reply == null) {
                return;
            }
            if (node.has("error")) {
                reply.completeExceptionally(new IOException("DevTools error on " + method + ": "
                        + node.get("error").path("message").asText()));
            } else {
                reply.complete(node.path("result"));
            }
            return;
        }
        String method = node.path("method").asText(null);
        if (method != null) {
            String sessionId = node.has("sessionId") ? node.get("sessionId").asText() : null;
            JsonNode params = node.path("params");
            for (EventListener listener : listeners) {
                listener.onEvent(sessionId, method, params);
            }
        }
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        shutdown(new IOException("DevTools connection closed: " + statusCode));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        shutdown(error);
    }

    private void shutdown(Throwable cause) {
        closed.complete(null);
        pending.keySet().forEach(id -> failPending(id, cause));
    }

    private void failPending(int id, Throwable cause) {
        CompletableFuture<JsonNode> reply = pending.remove(id);
        methods.remove(id);
        if (reply != null) {
            reply.completeExceptionally(cause instanceof IOException ? cause : new IOException(cause));
        }
    }

    @Override
    public void close() {
        if (socket != null && !closed.isDone()) {
            socket.abort();
        }
        shutdown(new IOException("DevTools connection closed by the renderer"));
    }
}
