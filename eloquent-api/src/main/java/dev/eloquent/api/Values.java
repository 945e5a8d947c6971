package dev.eloquent.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/**
 * Turns what a database hands back (an Integer where a Long is wanted, SQLite's text dates, 0/1
 * booleans) into the one Java type of a {@link ColumnType}. Shared by every driver and the ORM so that
 * the same column reads the same way everywhere. Conversions never lose information silently: a value
 * that does not fit fails with a message that names it.
 */
public final class Values {
    private Values() {
    }

    public static Object read(ColumnType type, int scale, Object raw) {
        if (raw == null) {
            return null;
        }
        try {
            return switch (type) {
                case INCREMENTS, BIG_INCREMENTS, BIG_INTEGER -> toLong(raw);
                case INTEGER -> toInteger(raw);
                case STRING, TEXT, JSON -> toText(raw);
                case BOOLEAN -> toBoolean(raw);
                case DECIMAL -> withScale(toBigDecimal(raw), scale);
                case DOUBLE -> toDouble(raw);
                case DATE -> toLocalDate(raw);
                case TIMESTAMP -> toLocalDateTime(raw);
                case TIMESTAMP_TZ -> toOffsetDateTime(raw);
                case UUID -> toUuid(raw);
            };
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            throw cannot(raw, type.javaType());
        }
    }

    public static Long toLong(Object raw) {
        if (raw == null || raw instanceof Long) {
            return (Long) raw;
        }
        if (raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof BigInteger big) {
            return big.longValueExact();
        }
        if (raw instanceof BigDecimal decimal) {
            return decimal.longValueExact();
        }
        if (raw instanceof Number number) {
            double d = number.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
                return (long) d;
            }
            throw cannot(raw, Long.class);
        }
        if (raw instanceof CharSequence text) {
            return Long.parseLong(text.toString().trim());
        }
        throw cannot(raw, Long.class);
    }

    public static Integer toInteger(Object raw) {
        if (raw == null || raw instanceof Integer) {
            return (Integer) raw;
        }
        return Math.toIntExact(toLong(raw));
    }

    public static String toText(Object raw) {
        if (raw == null || raw instanceof String) {
            return (String) raw;
        }
        if (raw instanceof CharSequence || raw instanceof Number || raw instanceof Boolean || raw instanceof UUID) {
            return raw.toString();
        }
        throw cannot(raw, String.class);
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
            switch (text.toString().trim().toLowerCase(java.util.Locale.ROOT)) {
                case "1", "true", "t" -> {
                    return true;
                }
                case "0", "false", "f" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw cannot(raw, Boolean.class);
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
            // Double.toString gives the shortest text that reads back as the same double, which is the
            // decimal that was stored (SQLite keeps NUMERIC values of up to 15 digits as REAL).
            return new BigDecimal(raw.toString());
        }
        if (raw instanceof CharSequence text) {
            return new BigDecimal(text.toString().trim());
        }
        throw cannot(raw, BigDecimal.class);
    }

    private static BigDecimal withScale(BigDecimal value, int scale) {
        // Widen to the declared scale (1.5 -> 1.50); never round a value that has more digits.
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
            return Double.parseDouble(text.toString().trim());
        }
        throw cannot(raw, Double.class);
    }

    public static LocalDate toLocalDate(Object raw) {
        if (raw == null || raw instanceof LocalDate) {
            return (LocalDate) raw;
        }
        if (raw instanceof CharSequence text) {
            return LocalDate.parse(text.toString().trim());
        }
        throw cannot(raw, LocalDate.class);
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
            return LocalDateTime.parse(text.toString().trim().replace(' ', 'T'));
        }
        throw cannot(raw, LocalDateTime.class);
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
            } catch (DateTimeParseException noOffset) {
                return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
            }
        }
        throw cannot(raw, OffsetDateTime.class);
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
            return UUID.fromString(text.toString().trim());
        }
        throw cannot(raw, UUID.class);
    }

    private static EloquentException cannot(Object raw, Class<?> target) {
        String shown = String.valueOf(raw);
        if (shown.length() > 60) {
            shown = shown.substring(0, 57) + "...";
        }
        return new EloquentException("cannot read " + raw.getClass().getSimpleName() + " '" + shown + "' as "
                + target.getSimpleName());
    }
}
