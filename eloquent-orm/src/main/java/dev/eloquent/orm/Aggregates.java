package dev.eloquent.orm;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.ArithmeticOperator;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ColumnType;
import dev.eloquent.api.Cursor;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * What aggregates return, the same on every driver: databases hand back a count as Integer, Long or
 * BigDecimal and a sum of integers as Long, BigDecimal or Double, with scales of their own (PostgreSQL's
 * {@code avg} has 16 decimals). Counts become {@code long}; sums and averages become {@link BigDecimal}
 * without trailing zeros (a sum of a declared decimal column keeps the column's scale).
 */
final class Aggregates {
    /** Averages computed in memory keep this many significant digits, as a database's would. */
    private static final MathContext AVERAGE = MathContext.DECIMAL64;

    private Aggregates() {
    }

    static long toLong(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        try {
            return Long.parseLong(value.toString().trim());
        } catch (NumberFormatException e) {
            throw notANumber(value, "a count");
        }
    }

    /** The JDK's parse errors quote the text they could not read: a value, kept out of the message. */
    private static EloquentException notANumber(Object value, String what) {
        return new EloquentException("the database returned " + what + " that is not a number (a "
                + value.getClass().getSimpleName() + ")");
    }

    /** A sum or an average as a decimal without trailing zeros; null stays null. */
    static BigDecimal toDecimal(Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal decimal;
        if (value instanceof BigDecimal d) {
            decimal = d;
        } else if (value instanceof BigInteger i) {
            decimal = new BigDecimal(i);
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new EloquentException("the database returned a non-finite aggregate");
            }
            decimal = BigDecimal.valueOf(d);
        } else if (value instanceof Number n) {
            decimal = BigDecimal.valueOf(n.longValue());
        } else {
            try {
                decimal = new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                throw notANumber(value, "a sum or average");
            }
        }
        decimal = decimal.stripTrailingZeros();
        return decimal.scale() < 0 ? decimal.setScale(0) : decimal;
    }

    /** A sum of a declared decimal column, at the column's scale (what the column itself would hold). */
    static BigDecimal declaredScale(BigDecimal sum, ColumnSpec column) {
        if (column != null && column.type() == ColumnType.DECIMAL) {
            return sum.setScale(column.scale(), RoundingMode.HALF_UP);
        }
        return sum;
    }

    /**
     * An aggregate over rows read from a cursor, for connections without subqueries: the value is at
     * {@code index} of each row, or -1 to count rows. Rows are not kept.
     */
    static Object inMemory(AggregateFunction function, int index, Cursor cursor) {
        long rows = 0;
        long values = 0;
        BigDecimal sum = BigDecimal.ZERO;
        Object extreme = null;
        while (cursor.hasNext()) {
            Object[] row = cursor.next();
            rows++;
            if (index < 0) {
                continue;
            }
            Object value = row[index];
            if (value == null) {
                continue;
            }
            values++;
            switch (function) {
                case SUM, AVG -> sum = sum.add(toDecimal(value));
                case MIN -> extreme = extreme == null || compare(value, extreme) < 0 ? value : extreme;
                case MAX -> extreme = extreme == null || compare(value, extreme) > 0 ? value : extreme;
                case COUNT -> {
                }
            }
        }
        return switch (function) {
            case COUNT -> index < 0 ? rows : values;
            case SUM -> values == 0 ? null : sum;
            case AVG -> values == 0 ? null : sum.divide(BigDecimal.valueOf(values), AVERAGE);
            case MIN, MAX -> extreme;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && a.getClass() != b.getClass()) {
            return toDecimal(x).compareTo(toDecimal(y));
        }
        if (a instanceof Comparable comparable && a.getClass() == b.getClass()) {
            return comparable.compareTo(b);
        }
        throw new EloquentException("min/max over values of different types: " + a.getClass().getSimpleName()
                + " and " + b.getClass().getSimpleName());
    }

    /**
     * {@code column = column + amount}, or {@code column - amount} for a decrement: the atomic form every
     * driver compiles (MongoDB as {@code $inc}). The amount keeps its sign and type; the driver that needs
     * a negative number (MongoDB) flips it, so the rule for {@code MIN_VALUE} lives in one place.
     */
    static Expression increment(Expression.Column column, Number amount, boolean subtract) {
        return new Expression.Arithmetic(new Expression.Column(null, column.name()),
                subtract ? ArithmeticOperator.SUBTRACT : ArithmeticOperator.ADD, Expression.value(amount));
    }

    /** {@code value + amount} (or {@code - amount}) in memory, for a model's attribute after an atomic increment; null stays null. */
    static BigDecimal add(Object value, Number amount, boolean subtract) {
        if (value == null) {
            return null;
        }
        return subtract ? toDecimal(value).subtract(toDecimal(amount)) : toDecimal(value).add(toDecimal(amount));
    }
}
