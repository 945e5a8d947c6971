package dev.eloquent.orm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Models, lists of models and pages as plain maps and lists, and as JSON text (docs/models.md). Values
 * become JSON types: a date is {@code "2024-05-01"}, a date and time is UTC at microseconds
 * ({@code "2024-05-01T10:15:00.000000Z"}, as Laravel prints it), a decimal stays a {@code BigDecimal} and
 * is printed as a JSON number with its scale ({@code 12.50}), an enum by its name, a UUID as text.
 */
public final class Serialization {
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private Serialization() {
    }

    /** Each model's {@link Model#toMap()}, in order. */
    public static List<Map<String, Object>> toMaps(List<? extends Model<?>> models) {
        List<Map<String, Object>> maps = new ArrayList<>(models.size());
        models.forEach(model -> maps.add(model.toMap()));
        return maps;
    }

    /** The JSON text of a model, a list of models, a page, or a map or list of those and plain values. */
    public static String toJson(Object value) {
        return Json.print(plain(value));
    }

    /** A value as JSON types: maps with text keys, lists, strings, numbers, booleans, null. */
    static Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigDecimal || value instanceof Double
                || value instanceof BigInteger || value instanceof Short || value instanceof Byte || value instanceof Float) {
            return value;
        }
        if (value instanceof Model<?> model) {
            return model.toMap();
        }
        if (value instanceof Page<?> page) {
            return page.toMap();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((key, item) -> out.put(String.valueOf(key), plain(item)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            List<Object> out = new ArrayList<>(items.size());
            items.forEach(item -> out.add(plain(item)));
            return out;
        }
        if (value instanceof Optional<?> optional) {
            return plain(optional.orElse(null));
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime time) {
            return DATE_TIME.format(time); // stored times are UTC (docs/values.md)
        }
        if (value instanceof OffsetDateTime time) {
            return DATE_TIME.format(time.withOffsetSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof ZonedDateTime time) {
            return DATE_TIME.format(time.withZoneSameInstant(ZoneOffset.UTC));
        }
        if (value instanceof Instant instant) {
            return DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof byte[] bytes) {
            return Base64.getEncoder().encodeToString(bytes);
        }
        return value.toString(); // UUID, ObjectId and the like: their text form
    }
}
