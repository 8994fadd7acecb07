package dev.autobench.dispatcher.budget;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.DecimalMin;

import java.math.BigDecimal;
import java.util.Optional;

/** What an operator is willing to spend on providers per UTC day; only watched (an alert), never enforced. */
@ConfigMapping(prefix = "autobench.spend")
public interface SpendConfig {

    /**
     * The daily spend budget in USD at list prices ({@code AUTOBENCH_SPEND_DAILY_BUDGET_USD}), published
     * as {@code autobench_provider_spend_daily_budget_usd} for the AutobenchDailySpendOverBudget alert.
     * Unset: the gauge reads NaN and the alert never fires. The call budget
     * ({@code autobench.dispatch.daily-call-budget}) is what stops calls.
     */
    Optional<@DecimalMin(value = "0", inclusive = false) BigDecimal> dailyBudgetUsd();
}
