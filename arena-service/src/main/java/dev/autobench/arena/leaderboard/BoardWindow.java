package dev.autobench.arena.leaderboard;

import java.time.LocalDate;
import java.util.List;

/**
 * Which task days a board counts (a vote belongs to the UTC day of its task): every day
 * ({@code all}), the N days ending on the computation's UTC day ({@code 7d}, {@code 30d},
 * {@code 90d}), or any inclusive {@code from}–{@code to} ({@code custom}).
 */
public record BoardWindow(String name, LocalDate from, LocalDate to) {

    public static final String ALL = "all";
    public static final String CUSTOM = "custom";
    public static final BoardWindow EVERY_DAY = new BoardWindow(ALL, null, null);

    /** The precomputed windows besides {@code all}, by name, with their length in days. */
    public static final List<String> STANDARD = List.of("7d", "30d", "90d");

    public static BoardWindow lastDays(String name, LocalDate today) {
        int days = Integer.parseInt(name.substring(0, name.length() - 1));
        return new BoardWindow(name, today.minusDays(days - 1L), today);
    }

    public static BoardWindow custom(LocalDate from, LocalDate to) {
        return new BoardWindow(CUSTOM, from, to);
    }

    public boolean isAll() {
        return from == null;
    }

    public boolean contains(long epochDay) {
        return from == null || (epochDay >= from.toEpochDay() && epochDay <= to.toEpochDay());
    }

    /** The key of this window's board of {@code category} in a batch: the category alone for {@code all}. */
    public static String key(String window, String category) {
        return ALL.equals(window) ? category : window + "/" + category;
    }
}
