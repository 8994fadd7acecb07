package dev.autobench.dispatcher.catalog;

import dev.autobench.llm.provider.Provider;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** List-price cost of one answer, with cached prompt tokens at their own price. */
class CallableModelCostTest {

    static CallableModel model(String cachedPrice) {
        return new CallableModel(UUID.randomUUID(), "gpt-5", Provider.OPENAI, "gpt-5", null, 32000, Duration.ofSeconds(300),
                new BigDecimal("1.25"), new BigDecimal("10.00"), cachedPrice == null ? null : new BigDecimal(cachedPrice));
    }

    @Test
    void cachedInputTokensArePricedAtTheCachedRate() {
        // 10,000 prompt tokens of which 8,000 cached: 2,000 × 1.25 + 8,000 × 0.125 + 1,000 × 10, per million
        assertThat(model("0.125").cost(10_000, 8_000, 1_000)).isEqualByComparingTo("0.0135");
    }

    @Test
    void withoutACachedPriceCachedTokensCostLikeOtherInput() {
        assertThat(model(null).cost(10_000, 8_000, 1_000)).isEqualByComparingTo("0.0225");
        assertThat(model("0.125").cost(10_000, 0, 1_000)).isEqualByComparingTo("0.0225");
    }
}
