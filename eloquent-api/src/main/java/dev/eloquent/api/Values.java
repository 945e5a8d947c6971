package dev.eloquent.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one place where values meet column types, shared by every driver and the ORM, so that the same
 * column behaves the same way everywhere.
 * <ul>
 *   <li>{@link #read} turns what a database hands back (an Integer where a Long is wanted, SQLite's text
 *   dates, 0/1 booleans) into the column's one Java type. It converts without losing information and
 *   without judging the value: what is stored is what is read.</li>
 *   <li>{@link #write} applies the value rules before anything is written (docs/values.md): extra decimal
 *   scale rounds HALF_UP, what does not fit is refused, timestamps are cut to microseconds, JSON must be
 *   valid, NOT NULL columns take no null.</li>
 * </ul>
 * No message carries the value (it may be a secret); messages name the Java types, the column and its
 * declared type, and what is wrong.
 */
public final class Values {
    /** Canonical 8-4-4-4-12 hex; {@link UUID#fromString} alone also takes short groups such as {@code 1-1-1-1-1}. */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    /** 2^53: beyond it not every whole number is a double, so a double there may not be the number meant. */
    private static final double EXACT_DOUBLE_LIMIT = 9.007199254740992E15;

    private Values() {
    }

    /**
     * Converts a value read from a database (or given for a comparison) to the column type's Java type.
     * Never rounds, never refuses a value for its size; fails only when the conversion would lose
     * information, with a message that names the Java types and the reason, not the value.
     */
    public static Object read(ColumnType type, int scale, Object raw) {
        if (raw == null) {
            return null;
        }
        return switch (type) {
            case INCREMENTS, BIG_INCREMENTS, BIG_INTEGER -> toLong(raw);
            case INTEGER -> toInteger(raw);
            case STRING, TEXT, JSON -> toText(raw);
            case BOOLEAN -> toBoolean(raw);
            case DECIMAL -> widen(toBigDecimal(raw), scale);
            case DOUBLE -> toDouble(raw);
            case DATE -> toLocalDate(raw);
            case TIMESTAMP -> toLocalDateTime(raw);
            case TIMESTAMP_TZ -> toOffsetDateTime(raw);
            case UUID -> toUuid(raw);
        };
    }

    /**
     * The value to write into a column, after the value rules: converted as {@link #read} does, then
     * DECIMAL rounded HALF_UP to its scale and refused when it has more integer digits than the
     * precision leaves room for; NaN and infinities refused; TIMESTAMP and TIMESTAMP_TZ truncated to
     * microseconds; JSON text checked strictly; STRING length counted in characters; null refused for a
     * NOT NULL column that is not generated. Failures name {@code table.column} and the declared type.
     */
    public static Object write(String table, ColumnSpec column, Object value) {
        if (value == null) {
            if (!column.nullable() && !column.autoIncrement()) {
                throw refused(table, column, "is NOT NULL: a null value is refused");
            }
            return null;
        }
        Object converted;
        try {
            converted = read(column.type(), column.scale(), value);
        } catch (EloquentException e) {
            throw refused(table, column, e.getMessage());
        }
        return switch (column.type()) {
            case DECIMAL -> decimal(table, column, (BigDecimal) converted);
            case DOUBLE -> finite(table, column, (Double) converted);
            case TIMESTAMP -> ((LocalDateTime) converted).truncatedTo(ChronoUnit.MICROS);
            case TIMESTAMP_TZ -> ((OffsetDateTime) converted).truncatedTo(ChronoUnit.MICROS);
            case JSON -> json(table, column, (String) converted);
            case STRING -> length(table, column, (String) converted);
            default -> converted;
        };
    }

    private static BigDecimal decimal(String table, ColumnSpec column, BigDecimal value) {
        BigDecimal rounded = value.setScale(column.scale(), RoundingMode.HALF_UP);
        int integerDigits = rounded.precision() - rounded.scale();
        int room = column.precision() - column.scale();
        if (integerDigits > room) {
            throw refused(table, column, "the value does not fit: at most " + room + " digit" + (room == 1 ? "" : "s")
                    + " before the decimal point");
        }
        return rounded;
    }

    private static Double finite(String table, ColumnSpec column, Double value) {
        if (value.isNaN() || value.isInfinite()) {
            throw refused(table, column, (value.isNaN() ? "NaN" : "an infinite value") + " is refused");
        }
        return value;
    }

    private static String json(String table, ColumnSpec column, String text) {
        String problem = JsonText.problem(text);
        if (problem != null) {
            throw refused(table, column, "not valid JSON: " + problem);
        }
        return text;
    }

    private static String length(String table, ColumnSpec column, String text) {
        int characters = text.codePointCount(0, text.length());
        if (characters > column.length()) {
            throw refused(table, column, "a value of " + characters + " characters exceeds the column's length "
                    + column.length());
        }
        return text;
    }

    private static EloquentException refused(String table, ColumnSpec column, String problem) {
        return new EloquentException(table + "." + column.name() + " (" + column.declaredType() + "): " + problem);
    }

    /** Whether the text is JSON by RFC 8259 and storable on every driver; see {@link JsonText}. */
    public static boolean isValidJson(String text) {
        return JsonText.problem(text) == null;
    }

    public static Long toLong(Object raw) {
        if (raw == null || raw instanceof Long) {
            return (Long) raw;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw cannot(raw, Long.class, "out of range");
            }
            return big.longValue();
        }
        if (raw instanceof BigDecimal decimal) {
            return wholeNumber(decimal, raw);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannot(raw, Long.class, Double.isNaN(d) ? "NaN" : "infinite");
            }
            if (d != Math.rint(d)) {
                throw cannot(raw, Long.class, "it has a fractional part");
            }
            if (Math.abs(d) >= EXACT_DOUBLE_LIMIT) {
                throw cannot(raw, Long.class, "beyond the whole numbers a double holds exactly");
            }
            return (long) d;
        }
        if (raw instanceof Number number) {
            // Other Number types (AtomicLong, third-party): through their exact decimal text.
            return wholeNumber(parseDecimal(number.toString(), raw, Long.class), raw);
        }
        if (raw instanceof CharSequence text) {
            try {
                return Long.parseLong(text.toString().trim());
            } catch (NumberFormatException e) {
                throw cannot(raw, Long.class, "not a whole number in range");
            }
        }
        throw cannot(raw, Long.class, null);
    }

    private static long wholeNumber(BigDecimal decimal, Object raw) {
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            throw cannot(raw, Long.class, "it has a fractional part");
        }
        try {
            return decimal.longValueExact();
        } catch (ArithmeticException e) {
            throw cannot(raw, Long.class, "out of range");
        }
    }

    public static Integer toInteger(Object raw) {
        if (raw == null || raw instanceof Integer) {
            return (Integer) raw;
        }
        long value;
        try {
            value = toLong(raw);
        } catch (EloquentException e) {
            throw cannot(raw, Integer.class, reason(e));
        }
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw cannot(raw, Integer.class, "out of range");
        }
        return (int) value;
    }

    public static String toText(Object raw) {
        if (raw == null || raw instanceof String) {
            return (String) raw;
        }
        if (raw instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean || raw instanceof UUID) {
            return raw.toString();
        }
        throw cannot(raw, String.class, null);
    }

    public static Boolean toBoolean(Object raw) {
        if (raw == null || raw instanceof Boolean) {
            return (Boolean) raw;
        }
        if (raw instanceof Number number && (number.longValue() == 0 || number.longValue() == 1)
                && number.doubleValue() == number.longValue()) {
            return number.longValue() == 1;
        }
        if (raw instanceof CharSequence text) {
            switch (text.toString().trim().toLowerCase(Locale.ROOT)) {
                case "1", "true", "t" -> {
                    return true;
                }
                case "0", "false", "f" -> {
                    return false;
                }
                default -> {
                }
            }
            throw cannot(raw, Boolean.class, "text other than true/false/1/0");
        }
        throw cannot(raw, Boolean.class, raw instanceof Number ? "a number other than 0 and 1" : null);
    }

    public static BigDecimal toBigDecimal(Object raw) {
        if (raw == null || raw instanceof BigDecimal) {
            return (BigDecimal) raw;
        }
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return BigDecimal.valueOf(((Number) raw).longValue());
        }
        if (raw instanceof BigInteger big) {
            return new BigDecimal(big);
        }
        if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw cannot(raw, BigDecimal.class, Double.isNaN(d) ? "NaN" : "infinite");
            }
            // Double.toString gives the shortest text that reads back as the same double, which is the
            // decimal that was meant (and what SQLite stored, as it keeps NUMERIC values of up to 15 digits as REAL).
            return new BigDecimal(raw.toString());
        }
        if (raw instanceof Number || raw instanceof CharSequence) {
            return parseDecimal(raw.toString().trim(), raw, BigDecimal.class);
        }
        throw cannot(raw, BigDecimal.class, null);
    }

    private static BigDecimal parseDecimal(String text, Object raw, Class<?> target) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw cannot(raw, target, "not a decimal number");
        }
    }

    private static BigDecimal widen(BigDecimal value, int scale) {
        // Widen to the declared scale (1.5 -> 1.50); a value with more digits is kept as stored.
        return value.scale() < scale ? value.setScale(scale) : value;
    }

    public static Double toDouble(Object raw) {
        if (raw == null || raw instanceof Double) {
            return (Double) raw;
        }
        if (raw instanceof Number number) {
            return number.doubleValue();
        }
        if (raw instanceof CharSequence text) {
            try {
                return Double.parseDouble(text.toString().trim());
            } catch (NumberFormatException e) {
                throw cannot(raw, Double.class, "not a number");
            }
        }
        throw cannot(raw, Double.class, null);
    }

    public static LocalDate toLocalDate(Object raw) {
        if (raw == null || raw instanceof LocalDate) {
            return (LocalDate) raw;
        }
        if (raw instanceof Instant instant) {
            return LocalDate.ofInstant(instant, ZoneOffset.UTC); // a BSON date (MongoDB): its UTC day
        }
        if (raw instanceof CharSequence text) {
            try {
                return LocalDate.parse(text.toString().trim());
            } catch (DateTimeException e) {
                throw cannot(raw, LocalDate.class, "not an ISO-8601 date (yyyy-MM-dd)");
            }
        }
        throw cannot(raw, LocalDate.class, null);
    }

    public static LocalDateTime toLocalDateTime(Object raw) {
        if (raw == null || raw instanceof LocalDateTime) {
            return (LocalDateTime) raw;
        }
        if (raw instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (raw instanceof ZonedDateTime zoned) {
            return zoned.withZoneSameInstant(ZoneOffset.UTC).toLocalDateTime();
        }
        if (raw instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (raw instanceof CharSequence text) {
            try {
                return LocalDateTime.parse(text.toString().trim().replace(' ', 'T'));
            } catch (DateTimeException e) {
                throw cannot(raw, LocalDateTime.class, "not an ISO-8601 date and time");
            }
        }
        throw cannot(raw, LocalDateTime.class, null);
    }

    /**
     * An instant as an {@link OffsetDateTime} at UTC. A value without an offset (a {@link LocalDateTime},
     * or text without one) is read as UTC: that is how drivers without a zoned type store these columns.
     */
    public static OffsetDateTime toOffsetDateTime(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof OffsetDateTime offset) {
            return offset.withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (raw instanceof ZonedDateTime zoned) {
            return zoned.toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
        }
        if (raw instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (raw instanceof LocalDateTime local) {
            return local.atOffset(ZoneOffset.UTC);
        }
        if (raw instanceof CharSequence text) {
            String iso = text.toString().trim().replace(' ', 'T');
            try {
                return OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeException noOffset) {
                try {
                    return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
                } catch (DateTimeException e) {
                    throw cannot(raw, OffsetDateTime.class, "not an ISO-8601 date and time");
                }
            }
        }
        throw cannot(raw, OffsetDateTime.class, null);
    }

    public static UUID toUuid(Object raw) {
        if (raw == null || raw instanceof UUID) {
            return (UUID) raw;
        }
        if (raw instanceof byte[] bytes && bytes.length == 16) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            return new UUID(buffer.getLong(), buffer.getLong());
        }
        if (raw instanceof CharSequence text) {
            String trimmed = text.toString().trim();
            if (!UUID_TEXT.matcher(trimmed).matches()) {
                throw cannot(raw, UUID.class, "not a UUID in 8-4-4-4-12 hex form");
            }
            return UUID.fromString(trimmed);
        }
        throw cannot(raw, UUID.class, null);
    }

    /** The reason part of a {@link #cannot} message, to restate it for another target type. */
    private static String reason(EloquentException e) {
        String message = e.getMessage();
        int colon = message.indexOf(": ");
        return colon < 0 ? null : message.substring(colon + 2);
    }

    /** "cannot read a String as Integer: not a whole number in range"; the value itself is never shown. */
    private static EloquentException cannot(Object raw, Class<?> target, String reason) {
        return new EloquentException("cannot read a " + raw.getClass().getSimpleName() + " as "
                + target.getSimpleName() + (reason == null ? "" : ": " + reason));
    }
}
