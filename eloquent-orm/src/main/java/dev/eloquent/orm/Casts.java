package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Values;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The built-in {@link Cast}s. Each converts with the project's value rules ({@link Values}), so a cast
 * reads the same from every driver whatever the column's own type (an integer cast over a text column
 * reads {@code "5"} as 5). Failures name the cast, never the value.
 */
public final class Casts {
    private Casts() {
    }

    public static Cast<Integer> integer() {
        return new Simple<>("integer", Values::toInteger, Values::toInteger);
    }

    public static Cast<Long> longInteger() {
        return new Simple<>("long", Values::toLong, Values::toLong);
    }

    /** A {@code BigDecimal} at exactly {@code scale} digits after the point, rounded HALF_UP both ways. */
    public static Cast<BigDecimal> decimal(int scale) {
        Function<Object, BigDecimal> scaled = v -> Values.toBigDecimal(v).setScale(scale, RoundingMode.HALF_UP);
        return new Simple<>("decimal:" + scale, scaled, scaled);
    }

    /** true/false from a boolean, 0/1 or the texts true/false/1/0. */
    public static Cast<Boolean> bool() {
        return new Simple<>("boolean", Values::toBoolean, Values::toBoolean);
    }

    public static Cast<LocalDate> date() {
        return new Simple<>("date", Values::toLocalDate, Values::toLocalDate);
    }

    /** A date and time in UTC (text, an instant or an offset time are converted to UTC). */
    public static Cast<LocalDateTime> datetime() {
        // Read through the offset form: text written by a cast ends in Z, which a plain date-time parse refuses.
        return new Simple<>("datetime", v -> Values.toOffsetDateTime(v).toLocalDateTime(), Values::toLocalDateTime);
    }

    /** An {@code Instant}; a stored date and time without an offset is read as UTC. */
    public static Cast<Instant> instant() {
        return new Simple<>("instant", v -> Values.toOffsetDateTime(v).toInstant(), Values::toOffsetDateTime);
    }

    /**
     * A {@code Map} (JSON object) or {@code List} (JSON array), the same Java value on every driver: a SQL
     * column stores JSON text, a document store a nested document or array. Set a Map or a List (or JSON text).
     */
    public static Cast<Object> json() {
        return new Simple<>("json", Casts::jsonValue, Casts::jsonValue);
    }

    private static Object jsonValue(Object value) {
        if (value instanceof Map || value instanceof List) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return Json.parse(text.toString());
        }
        throw new EloquentException("a json cast takes a Map, a List or JSON text, not a " + value.getClass().getSimpleName());
    }

    /** An enum stored by its constant's name. */
    public static <E extends Enum<E>> Cast<E> enumByName(Class<E> type) {
        return enumByValue(type, Enum::name);
    }

    /**
     * An enum stored by a value of each constant ({@code Status::code}); the values must differ. A number
     * matches whatever numeric type the driver returns (5, 5L and "5" are the same stored value).
     */
    public static <E extends Enum<E>> Cast<E> enumByValue(Class<E> type, Function<E, ?> value) {
        Map<String, E> byValue = new HashMap<>();
        for (E constant : type.getEnumConstants()) {
            Object stored = value.apply(constant);
            if (stored == null || byValue.put(key(stored), constant) != null) {
                throw new EloquentException("the enum cast of " + type.getSimpleName() + " needs a distinct non-null"
                        + " stored value for each constant");
            }
        }
        return new EnumCast<>(type, value, Map.copyOf(byValue));
    }

    private static String key(Object stored) {
        if (stored instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
            } catch (NumberFormatException e) {
                return number.toString();
            }
        }
        return stored.toString();
    }

    /**
     * A string stored encrypted with AES-GCM under the key of the environment's {@code APP_KEY} (base64,
     * optionally prefixed {@code base64:}, of 16, 24 or 32 bytes). The key is read when the model is
     * registered; without one, registration fails. Each write stores a new ciphertext, so an encrypted
     * column cannot be searched with where(...).
     */
    public static Cast<String> encrypted() {
        return EncryptedCast.UNKEYED;
    }

    /** A cast made of two conversions, named in messages. */
    private record Simple<T>(String name, Function<Object, T> reader, Function<Object, ?> writer) implements Cast<T> {
        @Override
        public T get(Object stored) {
            return reader.apply(stored);
        }

        @Override
        public Object set(T value) {
            return writer.apply(value);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A cast that also takes its stored form where the application's value is expected (a where value). */
    interface AnyValue {
        Object setAny(Object value);
    }

    private record EnumCast<E extends Enum<E>>(Class<E> type, Function<E, ?> value, Map<String, E> byValue)
            implements Cast<E>, AnyValue {
        @Override
        public E get(Object stored) {
            E constant = byValue.get(key(stored));
            if (constant == null) {
                throw new EloquentException("the stored value is not one of " + type.getSimpleName() + "'s");
            }
            return constant;
        }

        @Override
        public Object set(E constant) {
            return value.apply(constant);
        }

        @Override
        public Object setAny(Object given) {
            // A stored form given as such (where("status", "active")) is checked and kept.
            return value.apply(type.isInstance(given) ? type.cast(given) : get(given));
        }

        @Override
        public String toString() {
            return "enum " + type.getSimpleName();
        }
    }
}
