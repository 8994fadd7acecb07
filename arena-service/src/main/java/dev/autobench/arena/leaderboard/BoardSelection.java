package dev.autobench.arena.leaderboard;

import dev.autobench.common.problem.ProblemException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * The window a leaderboard request asks for: {@code window=7d|30d|90d|all} (the default: all),
 * or {@code from=YYYY-MM-DD&to=YYYY-MM-DD} (inclusive UTC task days), never both. Anything else
 * is a 400 that says what is wrong.
 */
public record BoardSelection(String window, LocalDate from, LocalDate to) {

    /** Days before this are not task days of any arena; a range reaching back further is a typo. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    public boolean custom() {
        return from != null;
    }

    public static BoardSelection parse(String window, String from, String to, int maxDays) {
        boolean hasWindow = window != null && !window.isBlank();
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (hasWindow && (hasFrom || hasTo)) {
            throw ProblemException.badRequest("Give either window or from and to, not both");
        }
        if (hasFrom != hasTo) {
            throw ProblemException.badRequest("A custom window needs both from and to (YYYY-MM-DD, UTC task days)");
        }
        if (hasFrom) {
            LocalDate start = date("from", from);
            LocalDate end = date("to", to);
            if (start.isAfter(end)) {
                throw ProblemException.badRequest("from (" + start + ") is after to (" + end + ")");
            }
            if (start.isBefore(EARLIEST)) {
                throw ProblemException.badRequest("from must be " + EARLIEST + " or later");
            }
            long days = ChronoUnit.DAYS.between(start, end) + 1;
            if (days > maxDays) {
                throw ProblemException.badRequest("from–to covers " + days + " days; at most " + maxDays
                        + " (window=all covers every day)");
            }
            return new BoardSelection(BoardWindow.CUSTOM, start, end);
        }
        if (!hasWindow || BoardWindow.ALL.equals(window)) {
            return new BoardSelection(BoardWindow.ALL, null, null);
        }
        if (!BoardWindow.STANDARD.contains(window)) {
            throw ProblemException.badRequest("Unknown window; use one of all, " + String.join(", ", BoardWindow.STANDARD)
                    + ", or from and to");
        }
        return new BoardSelection(window, null, null);
    }

    private static LocalDate date(String name, String value) {
        try {
            if (value.length() != 10) {
                throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be a date YYYY-MM-DD");
        }
    }
}
