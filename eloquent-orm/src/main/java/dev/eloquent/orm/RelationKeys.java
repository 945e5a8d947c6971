package dev.eloquent.orm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keys as relations compare them in memory. The two sides of a relation are read from different columns,
 * sometimes from different databases, so the same key can arrive as an {@code Integer} on one side and a
 * {@code Long} (or an integral {@code BigDecimal}) on the other: integral numbers compare by value. Strings
 * (a Mongo ObjectId is its hex string in Java), UUIDs and the rest compare by {@code equals}.
 */
final class RelationKeys {
    private RelationKeys() {
    }

    /** The key in the form matching uses; null stays null (a null key matches nothing). */
    static Object normalize(Object key) {
        if (key instanceof Long) {
            return key; // the usual case (keys read as Long): no new box per model
        }
        if (key instanceof Integer || key instanceof Short || key instanceof Byte) {
            return ((Number) key).longValue();
        }
        if (key instanceof BigInteger big && big.bitLength() < 64) {
            return big.longValue();
        }
        if (key instanceof BigDecimal decimal) {
            try {
                return decimal.longValueExact();
            } catch (ArithmeticException notIntegral) {
                return decimal.stripTrailingZeros();
            }
        }
        return key;
    }

    /** The distinct non-null keys of the models, in first-seen order, each with the models holding it. */
    static <P> Map<Object, List<P>> group(Collection<P> models, java.util.function.Function<P, Object> key) {
        Map<Object, List<P>> groups = new LinkedHashMap<>();
        for (P model : models) {
            Object value = normalize(key.apply(model));
            if (value != null) {
                groups.computeIfAbsent(value, k -> new ArrayList<>()).add(model);
            }
        }
        return groups;
    }

    /** The list cut into consecutive pieces of at most {@code size}. */
    static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(items.size(), from + size)));
        }
        return chunks;
    }
}
