package dev.autobench.dispatcher.domain;

import dev.autobench.llm.Provider;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.UUID;

/** An immutable copy of an active model, safe to hand to call threads. */
public record CallableModel(UUID id, String slug, Provider provider, String apiModel, String baseUrl,
                            int maxOutputTokens, Duration timeout, BigDecimal inputUsdPerMtok,
                            BigDecimal outputUsdPerMtok) {

    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public static CallableModel of(Model m, Provider provider) {
        return new CallableModel(m.id, m.slug, provider, m.apiModel, m.baseUrl, m.maxOutputTokens,
                Duration.ofSeconds(m.timeoutSeconds), m.inputUsdPerMtok, m.outputUsdPerMtok);
    }

    /** List-price cost of one answer, to the micro-dollar. */
    public BigDecimal cost(int inputTokens, int outputTokens) {
        return inputUsdPerMtok.multiply(BigDecimal.valueOf(inputTokens))
                .add(outputUsdPerMtok.multiply(BigDecimal.valueOf(outputTokens)))
                .divide(MILLION, 6, RoundingMode.HALF_UP);
    }
}
