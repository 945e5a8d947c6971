package dev.eloquent.api;

/**
 * The portable column types, each with the one Java type its values take in a model: what a column
 * reads as does not depend on the driver (see {@link Values#read}).
 */
public enum ColumnType {
    /** 32-bit auto-increment primary key; {@link Long} in Java so every driver agrees. */
    INCREMENTS(Long.class),
    /** 64-bit auto-increment primary key. */
    BIG_INCREMENTS(Long.class),
    INTEGER(Integer.class),
    BIG_INTEGER(Long.class),
    /** Variable-length text with a maximum length. */
    STRING(String.class),
    TEXT(String.class),
    BOOLEAN(Boolean.class),
    /** Exact decimal with precision and scale. */
    DECIMAL(java.math.BigDecimal.class),
    DOUBLE(Double.class),
    /** JSON document, held as its JSON text. */
    JSON(String.class),
    DATE(java.time.LocalDate.class),
    /** A date and time without zone, as Eloquent's timestamps are. */
    TIMESTAMP(java.time.LocalDateTime.class),
    /**
     * An instant in time. Reads always give an {@link java.time.OffsetDateTime} at offset UTC (Z): the
     * instant survives every driver, the offset it was written with does not (PostgreSQL's timestamptz
     * does not keep it either). Values written with another offset are converted to UTC when set.
     */
    TIMESTAMP_TZ(java.time.OffsetDateTime.class),
    UUID(java.util.UUID.class);

    private final Class<?> javaType;

    ColumnType(Class<?> javaType) {
        this.javaType = javaType;
    }

    public Class<?> javaType() {
        return javaType;
    }

    public boolean autoIncrement() {
        return this == INCREMENTS || this == BIG_INCREMENTS;
    }
}
