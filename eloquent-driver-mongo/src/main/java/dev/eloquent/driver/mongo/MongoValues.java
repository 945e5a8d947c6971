package dev.eloquent.driver.mongo;

import dev.eloquent.api.EloquentException;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The one mapping between the Java values a model holds and what MongoDB stores. eloquent-api is
 * JDK-only, so BSON types never leave this driver: Decimal128 reads as BigDecimal, ObjectId as its hex
 * string, nested documents as Map and arrays as List.
 *
 * <p>LocalDate and LocalDateTime are stored as fixed-width ISO-8601 text ({@code 2024-02-29T23:59:58.123456}),
 * not as BSON dates: a BSON date keeps milliseconds only, and timestamps must keep the microseconds
 * MySQL and PostgreSQL keep. Fixed width makes the text sort and compare in time order, and filters
 * convert their values the same way. Instant and java.util.Date are stored as BSON dates and read back
 * as Instant; an Instant finer than a millisecond is refused rather than truncated. OffsetDateTime
 * (timestampTz columns) is stored as its UTC LocalDateTime text.
 */
final class MongoValues {
    static final String ID = "_id";
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral('T')
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 6, 6, true)
            .toFormatter();

    private MongoValues() {
    }

    /** A value as MongoDB stores it; {@code field} names it in errors. */
    static Object toBson(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Double || value instanceof UUID) {
            return value;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof Float f) {
            return Double.parseDouble(f.toString());
        }
        if (value instanceof BigDecimal decimal) {
            return decimal(field, decimal);
        }
        if (value instanceof BigInteger big) {
            return decimal(field, new BigDecimal(big));
        }
        if (value instanceof LocalDateTime dateTime) {
            if (dateTime.getNano() % 1_000 != 0) {
                throw new EloquentException(field + ": timestamps keep microseconds on every driver; "
                        + dateTime + " has nanoseconds");
            }
            return TIMESTAMP.format(dateTime);
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            // timestampTz columns keep the instant: stored as UTC in the same fixed-width text, so they
            // sort in time order; Values reads text without an offset as UTC.
            return toBson(field, offset.withOffsetSameInstant(java.time.ZoneOffset.UTC).toLocalDateTime());
        }
        if (value instanceof Instant instant) {
            if (instant.getNano() % 1_000_000 != 0) {
                throw new EloquentException(field + ": MongoDB dates keep milliseconds; " + instant
                        + " is finer (truncate it, or use a LocalDateTime timestamp column)");
            }
            return Date.from(instant);
        }
        if (value instanceof Date date) {
            return new Date(date.getTime());
        }
        if (value instanceof Map<?, ?> map) {
            Document document = new Document();
            map.forEach((key, nested) -> {
                if (!(key instanceof String name)) {
                    throw new EloquentException(field + ": nested documents need string keys, got "
                            + (key == null ? "null" : key.getClass().getSimpleName()));
                }
                document.append(name, toBson(field + "." + name, nested));
            });
            return document;
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            for (Object element : collection) {
                list.add(toBson(field + "[]", element));
            }
            return list;
        }
        if (value instanceof Object[] array) {
            return toBson(field, List.of(array));
        }
        // Anything else (a regex Pattern, a BSON object handed in by the caller...) could change what a
        // filter means, so it is refused instead of passed through.
        throw new EloquentException(field + ": values of type " + value.getClass().getName()
                + " are not supported on mongo; use strings, numbers, booleans, BigDecimal, dates, UUID, Map or List");
    }

    /** The {@code _id} of a document: in Java the hex string of an ObjectId. */
    static ObjectId objectId(Object value) {
        if (value instanceof String hex && ObjectId.isValid(hex)) {
            return new ObjectId(hex);
        }
        throw new EloquentException("_id must be the 24-character hex string of an ObjectId, got "
                + (value == null ? "null" : value.getClass().getSimpleName() + " '" + value + "'"));
    }

    private static Decimal128 decimal(String field, BigDecimal decimal) {
        try {
            return new Decimal128(decimal);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new EloquentException(field + ": " + decimal.toPlainString() + " does not fit MongoDB's"
                    + " Decimal128 (34 significant digits)");
        }
    }

    /** A stored value as a JDK type. */
    static Object fromBson(Object value) {
        if (value instanceof Decimal128 decimal) {
            return decimal.bigDecimalValue();
        }
        if (value instanceof ObjectId id) {
            return id.toHexString();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, nested) -> copy.put(String.valueOf(key), fromBson(nested)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(fromBson(element)));
            return copy;
        }
        return value;
    }
}
