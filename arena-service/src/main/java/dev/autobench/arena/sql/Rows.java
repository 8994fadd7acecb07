package dev.autobench.arena.sql;

import jakarta.persistence.Query;
import jakarta.persistence.Tuple;

import java.math.BigDecimal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;

/**
 * Typed reads of native-query rows by column alias. The JDBC driver hands timestamps and numbers
 * back in more than one Java type depending on the column and the query, so each read says which
 * type the caller wants instead of casting a position.
 */
public final class Rows {

    private Rows() {
    }

    /** The rows of a native query created with {@code Tuple.class}. */
    @SuppressWarnings("unchecked")
    public static List<Tuple> tuples(Query query) {
        return query.getResultList();
    }

    /** The one row of a native query created with {@code Tuple.class} (an aggregate). */
    public static Tuple tuple(Query query) {
        return (Tuple) query.getSingleResult();
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }

    public static Instant instant(Tuple row, String alias) {
        return instant(row.get(alias));
    }

    public static String text(Tuple row, String alias) {
        return (String) row.get(alias);
    }

    public static UUID uuid(Tuple row, String alias) {
        return (UUID) row.get(alias);
    }

    public static long longValue(Tuple row, String alias) {
        return ((Number) row.get(alias)).longValue();
    }

    /** A count or sum that SQL answers with NULL over no rows reads as zero. */
    public static long longOrZero(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? 0 : ((Number) value).longValue();
    }

    public static Integer integerOrNull(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : ((Number) value).intValue();
    }

    public static BigDecimal decimal(Tuple row, String alias) {
        return (BigDecimal) row.get(alias);
    }

    public static LocalDate date(Tuple row, String alias) {
        Object value = row.get(alias);
        return value instanceof LocalDate date ? date : ((java.sql.Date) value).toLocalDate();
    }

    public static byte[] bytes(Tuple row, String alias) {
        return (byte[]) row.get(alias);
    }

    public static int intValue(Tuple row, String alias) {
        return ((Number) row.get(alias)).intValue();
    }

    /** A nullable number column. */
    public static Double doubleOrNull(Tuple row, String alias) {
        Object value = row.get(alias);
        return value == null ? null : ((Number) value).doubleValue();
    }

    public static boolean bool(Tuple row, String alias) {
        return Boolean.TRUE.equals(row.get(alias));
    }
}
