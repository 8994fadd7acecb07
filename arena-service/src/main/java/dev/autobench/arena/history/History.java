package dev.autobench.arena.history;

import io.quarkus.runtime.annotations.RegisterForReflection;

import java.time.LocalDate;
import java.util.List;

/**
 * Ratings over time: for each computed closed day ({@code days}, oldest first), each model's
 * Bradley–Terry rating (with its bootstrap 95% interval) over the votes of the tasks of the
 * {@code trailingDays} days ending that day. A model has a point only on days it was rated.
 */
@RegisterForReflection
public record History(String category, int trailingDays, int bootstrapRounds, List<LocalDate> days,
                      List<Series> models) {

    @RegisterForReflection
    public record Series(String model, String displayName, String provider, List<Point> points) {
    }

    @RegisterForReflection
    public record Point(LocalDate day, double rating, Double ciLow, Double ciHigh, long votes) {
    }
}
