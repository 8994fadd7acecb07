package dev.autobench.arena.passrates;

import dev.autobench.arena.sql.Rows;
import dev.autobench.arena.config.ArenaConfig;
import dev.autobench.arena.ranking.WilsonInterval;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Pass rates per model and per category, and votes against checks, from the checked pages of closed tasks. */
@ApplicationScoped
public class PassRateService {

    @Inject
    PassRateRepository repository;

    @Inject
    ArenaConfig config;

    Clock clock = Clock.systemUTC();

    @Transactional
    public PassRates passRates() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.window());
        List<PassRateRepository.Row> rows = repository.rows(cutoff);

        Map<String, List<PassRateRepository.Row>> byModel = new LinkedHashMap<>();
        Map<String, Totals> byCategory = new LinkedHashMap<>();
        for (PassRateRepository.Row row : rows) {
            byModel.computeIfAbsent(row.model(), m -> new ArrayList<>()).add(row);
            byCategory.computeIfAbsent(row.category(), c -> new Totals()).add(row);
        }
        List<PassRates.ModelRate> models = new ArrayList<>();
        byModel.forEach((model, modelRows) -> {
            Totals totals = new Totals();
            List<PassRates.Rate> categories = new ArrayList<>();
            for (PassRateRepository.Row row : modelRows) {
                totals.add(row);
                Totals one = new Totals();
                one.add(row);
                categories.add(one.rate(row.category()));
            }
            PassRates.Rate all = totals.rate(null);
            models.add(new PassRates.ModelRate(model, modelRows.get(0).displayName(), all.checked(), all.passed(),
                    all.passRate(), all.low(), all.high(), all.checksPassed(), all.checksTotal(), categories));
        });
        models.sort(Comparator.comparingDouble(PassRates.ModelRate::passRate).reversed()
                .thenComparing(PassRates.ModelRate::model));
        List<PassRates.Rate> categories = byCategory.entrySet().stream()
                .map(e -> e.getValue().rate(e.getKey())).toList();

        PassRateRepository.VotesVsChecks votes = repository.votesVsChecks(cutoff);
        long decisive = votes.forMorePassing() + votes.forFewerPassing();
        WilsonInterval agreement = WilsonInterval.of(votes.forMorePassing(), decisive);
        return new PassRates(now, models, categories, new PassRates.VotesVsChecks(decisive, votes.forMorePassing(),
                votes.forFewerPassing(), votes.tieOrBothBad(), agreement.rate(), agreement.low(), agreement.high()));
    }

    private static final class Totals {
        long checked;
        long passed;
        long checksPassed;
        long checksTotal;

        void add(PassRateRepository.Row row) {
            checked += row.checked();
            passed += row.passed();
            checksPassed += row.checksPassed();
            checksTotal += row.checksTotal();
        }

        PassRates.Rate rate(String category) {
            WilsonInterval interval = WilsonInterval.of(passed, checked);
            return new PassRates.Rate(category, checked, passed, interval.rate(), interval.low(), interval.high(),
                    checksPassed, checksTotal);
        }
    }
}
