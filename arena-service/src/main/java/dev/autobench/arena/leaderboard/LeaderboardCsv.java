package dev.autobench.arena.leaderboard;


import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The leaderboard as RFC 4180 CSV. Text cells that a spreadsheet would run as a formula are
 * prefixed with an apostrophe (model names are operator input, but still).
 */
public final class LeaderboardCsv {

    static final String HEADER = "rank,model,display_name,provider,rating,ci_low,ci_high,votes,wins,losses,ties,"
            + "win_rate,elo,render_success_rate,mean_js_errors,mean_cost_usd,mean_latency_ms,mean_output_tokens,"
            + "submissions,not_yet_comparable,style_rank,style_rating,style_ci_low,style_ci_high,first_day,last_day";

    private LeaderboardCsv() {
    }

    public static String write(Leaderboard board) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (Leaderboard.Row r : board.models()) {
            csv.append(Stream.of(r.rank(), text(r.model()), text(r.displayName()), text(r.provider()), r.rating(),
                            r.ciLow(), r.ciHigh(), r.votes(), r.wins(), r.losses(), r.ties(), r.winRate(), r.elo(),
                            r.renderSuccessRate(), r.meanJsErrors(), r.meanCostUsd(), r.meanLatencyMs(),
                            r.meanOutputTokens(), r.submissions(), r.notYetComparable(), r.styleRank(),
                            r.styleRating(), r.styleCiLow(), r.styleCiHigh(), r.firstDay(), r.lastDay())
                    .map(v -> v == null ? "" : v instanceof Text t ? t.quoted() : Objects.toString(v))
                    .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return csv.toString();
    }

    private static Text text(String value) {
        return new Text(value);
    }

    private record Text(String value) {
        private static final List<Character> FORMULA = List.of('=', '+', '-', '@', '\t', '\r');

        String quoted() {
            String v = value == null ? "" : value;
            if (!v.isEmpty() && FORMULA.contains(v.charAt(0))) {
                v = "'" + v;
            }
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
    }
}
