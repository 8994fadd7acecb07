package dev.autobench.llm.client;

import java.util.Locale;
import java.util.Set;

/**
 * Why the model stopped, as the provider said it (OpenAI and DeepSeek {@code finish_reason}, Anthropic
 * {@code stop_reason}, Gemini {@code finishReason} or {@code promptFeedback.blockReason}), and what that means.
 *
 * @param raw what the provider wrote, lower-cased ({@code stop}, {@code length}, {@code max_tokens}, {@code safety}...),
 *            or {@code unknown} when it wrote nothing
 */
public record FinishReason(String raw) {

    private static final Set<String> TRUNCATED = Set.of("length", "max_tokens", "model_context_window_exceeded");
    private static final Set<String> REFUSED = Set.of("content_filter", "refusal", "safety", "recitation",
            "prohibited_content", "blocklist", "spii", "image_safety", "language", "other_block",
            "insufficient_system_resource");

    public static final FinishReason UNKNOWN = new FinishReason("unknown");

    public FinishReason {
        raw = raw == null || raw.isBlank() ? "unknown" : raw.strip().toLowerCase(Locale.ROOT);
    }

    public static FinishReason of(String raw) {
        return new FinishReason(raw);
    }

    /** The answer hit its output token limit: the page is cut off (or, for a reasoning model, never started). */
    public boolean truncated() {
        return TRUNCATED.contains(raw);
    }

    /** The provider blocked or the model refused the answer (a safety filter, a refusal). */
    public boolean refused() {
        return REFUSED.contains(raw);
    }
}
