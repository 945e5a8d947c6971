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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
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
 * <p>Every point in time is a BSON date, so data written by other tools matches equality and range
 * filters, and MongoDB's date operators and TTL indexes work: LocalDateTime (timestamp columns) as that
 * time at UTC, OffsetDateTime and ZonedDateTime (timestampTz) as their instant, LocalDate (date columns)
 * as midnight UTC, Instant and java.util.Date as themselves. A BSON date keeps milliseconds, so finer
 * values are truncated (documented in docs/mongo.md). Dates read back as Instant; the ORM turns them
 * into the declared column's type ({@code Values.read}).
 */
final class MongoValues {
    static final String ID = "_id";

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
            return date(dateTime.toInstant(ZoneOffset.UTC)); // timestamp columns hold UTC, as on every driver
        }
        if (value instanceof LocalDate day) {
            return date(day.atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (value instanceof OffsetDateTime offset) {
            return date(offset.toInstant());
        }
        if (value instanceof ZonedDateTime zoned) {
            return date(zoned.toInstant());
        }
        if (value instanceof Instant instant) {
            return date(instant);
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

    /** A BSON date keeps milliseconds: anything finer is truncated (toward the past), never rounded. */
    private static Date date(Instant instant) {
        return new Date(instant.truncatedTo(ChronoUnit.MILLIS).toEpochMilli());
    }

    /** A filter or write operand for a field: {@code _id} as an ObjectId, anything else through {@link #toBson}. */
    static Param operand(String field, Object value) {
        return new Param(ID.equals(field) ? objectId(value) : toBson(field, value));
    }

    /** The {@code _id} of a document: in Java the hex string of an ObjectId. */
    static ObjectId objectId(Object value) {
        if (value instanceof String hex && ObjectId.isValid(hex)) {
            return new ObjectId(hex);
        }
        // The type only, never the value: a key handed in by mistake may be anything, a secret included.
        throw new EloquentException("_id must be the 24-character hex string of an ObjectId, got "
                + (value == null ? "null" : value instanceof String ? "other text" : "a " + value.getClass().getSimpleName()));
    }

    private static Decimal128 decimal(String field, BigDecimal decimal) {
        try {
            return new Decimal128(decimal);
        } catch (NumberFormatException | ArithmeticException e) {
            // The value is not shown; its size in digits is what the user needs to act on.
            throw new EloquentException(field + ": a decimal of " + decimal.precision() + " significant digits"
                    + " (scale " + decimal.scale() + ") does not fit MongoDB's Decimal128 (34 significant digits)");
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
