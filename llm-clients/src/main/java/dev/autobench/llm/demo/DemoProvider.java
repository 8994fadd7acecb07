package dev.autobench.llm.demo;

import dev.autobench.llm.client.FailureKind;
import dev.autobench.llm.client.LlmCallException;
import dev.autobench.llm.client.LlmRequest;
import dev.autobench.llm.client.LlmResponse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;

/**
 * The offline provider of the local demo: no network, a short simulated latency, and answers that are
 * deterministic per (prompt, model) so a re-run shows the same pages. Every answer says it is a demo.
 */
public final class DemoProvider {

    private final Duration latency;

    public DemoProvider(Duration latency) {
        this.latency = latency.isNegative() ? Duration.ZERO : latency;
    }

    public LlmResponse answer(LlmRequest request) {
        DemoQuality quality = DemoQuality.fromApiModel(request.apiModel())
                .orElseThrow(() -> new LlmCallException(FailureKind.BAD_REQUEST, "unknown demo model '"
                        + request.apiModel() + "' (known: demo-excellent, demo-good, demo-plain, demo-buggy, demo-nocode)",
                        404, null, null, Duration.ZERO));
        long start = System.nanoTime();
        if (latency.compareTo(request.timeout()) > 0) {
            pause(request.timeout());
            throw new LlmCallException(FailureKind.TIMEOUT, "no answer within " + request.timeout().toSeconds() + "s",
                    null, null, null, Duration.ofNanos(System.nanoTime() - start));
        }
        pause(latency);
        long seed = seed(request);
        DemoTask task = DemoTask.from(request.user(), request.system());
        String text = DemoAnswers.write(task, quality, seed, request.user());
        int input = estimateTokens(request.system()) + estimateTokens(request.user());
        int output = Math.min(request.maxOutputTokens(), estimateTokens(text));
        String requestId = "demo-" + Long.toHexString(seed);
        return new LlmResponse(text, input, output, requestId, 200, Duration.ofNanos(System.nanoTime() - start));
    }

    static int estimateTokens(String text) {
        // about four characters per token for English prose and code
        return text == null ? 0 : (text.length() + 3) / 4;
    }

    private static long seed(LlmRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    (request.apiModel() + "\n" + request.system() + "\n" + request.user()).getBytes(StandardCharsets.UTF_8));
            return java.nio.ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmCallException(FailureKind.CONNECTION_LOST, "interrupted", null, null, null, d);
        }
    }
}
