package dev.autobench.generator.task.api;

import dev.autobench.common.problem.ProblemException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

/** The {@code date} query parameter: a strict ISO calendar date, or the caller's mistake (400). */
public final class DateParameter {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Older days cannot have tasks; the bound also keeps year 0 away from PostgreSQL. */
    static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

    private DateParameter() {
    }

    /** Returns the parsed date, or {@code fallback} when the parameter is absent. */
    public static LocalDate parseOr(String value, LocalDate fallback) {
        if (value == null) {
            return fallback;
        }
        if (!ISO_DATE.matcher(value).matches()) {
            throw ProblemException.badRequest("date must be a calendar date formatted YYYY-MM-DD");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(value);
        } catch (DateTimeException e) {
            throw ProblemException.badRequest("date " + value + " does not exist in the calendar");
        }
        if (date.isBefore(EARLIEST)) {
            throw ProblemException.badRequest("date must not be before " + EARLIEST);
        }
        return date;
    }
}
