package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import org.junit.jupiter.api.function.Executable;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Assertions the query kits share: refusals with a message fragment, rows compared across two paths. */
public final class KitAssertions {
    private KitAssertions() {
    }

    /** The call fails with exactly this project exception type (or a subclass) and a message containing the fragment. */
    public static <T extends Throwable> T refused(Class<T> type, String fragment, Executable call) {
        T error = assertThrows(type, call);
        String message = String.valueOf(error.getMessage());
        assertTrue(message.contains(fragment), () -> "expected a message containing '" + fragment + "': " + message);
        return error;
    }

    /**
     * The same rows in the same order, with numbers compared by value: each path returns its own number
     * types (Integer, Long, BigDecimal, a SQLite double, a BSON Decimal128), rounded to 4 decimal places.
     */
    public static void assertSameRows(List<Map<String, Object>> expected, List<Map<String, Object>> actual) {
        assertEquals(normalized(expected), normalized(actual));
    }

    public static List<Map<String, Object>> normalized(List<Map<String, Object>> rows) {
        List<Map<String, Object>> out = new ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> copy = new LinkedHashMap<>();
            row.forEach((column, value) -> copy.put(column, normalized(value)));
            out.add(copy);
        }
        return out;
    }

    /** A number as plain text of its value, rounded to 4 places; anything else unchanged. */
    public static Object normalized(Object value) {
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        return value;
    }

    /** One column of each model, as text. */
    public static List<String> strings(List<? extends Model<?>> models, String column) {
        return models.stream().map(model -> model.getString(column)).toList();
    }

    /** One column of each row. */
    public static List<Object> column(List<Map<String, Object>> rows, String column) {
        return rows.stream().map(row -> row.get(column)).toList();
    }

    /** A key or count as a long, whatever integer type a path returns. */
    public static long asLong(Object value) {
        return ((Number) value).longValue();
    }

    /** A decimal compared by value: {@code 1.0} and {@code 1.00} are the same amount. */
    public static void assertAmount(String expected, Object actual) {
        assertTrue(actual instanceof Number, () -> "expected the amount " + expected + ", got " + actual);
        assertEquals(0, new BigDecimal(expected).compareTo(new BigDecimal(actual.toString())),
                () -> "expected the amount " + expected + ", got " + actual);
    }
}
