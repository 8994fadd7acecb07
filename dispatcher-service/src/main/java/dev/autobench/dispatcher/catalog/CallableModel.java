package dev.autobench.dispatcher.catalog;

import dev.autobench.llm.provider.Provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.UUID;

/** An immutable copy of an active model, safe to hand to call threads. */
public record CallableModel(UUID id, String slug, Provider provider, String apiModel, String baseUrl,
                            int maxOutputTokens, Duration timeout, BigDecimal inputUsdPerMtok,
                            BigDecimal outputUsdPerMtok, BigDecimal cachedInputUsdPerMtok) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static CallableModel of(Model m, Provider provider) {
        return new CallableModel(m.id, m.slug, provider, m.apiModel, m.baseUrl, m.maxOutputTokens,
                Duration.ofSeconds(m.timeoutSeconds), m.inputUsdPerMtok, m.outputUsdPerMtok, m.cachedInputUsdPerMtok);
    }

    /**
     * List-price cost of one answer, to the micro-dollar: {@code cachedInputTokens} (part of {@code inputTokens})
     * at the cached-input price when the model has one, the rest of the input at the input price.
     */
    public BigDecimal cost(int inputTokens, int cachedInputTokens, int outputTokens) {
        int cached = Math.max(0, Math.min(cachedInputTokens, inputTokens));
        BigDecimal cachedPrice = cachedInputUsdPerMtok != null ? cachedInputUsdPerMtok : inputUsdPerMtok;
        return inputUsdPerMtok.multiply(BigDecimal.valueOf((long) inputTokens - cached))
                .add(cachedPrice.multiply(BigDecimal.valueOf(cached)))
                .add(outputUsdPerMtok.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }
}
