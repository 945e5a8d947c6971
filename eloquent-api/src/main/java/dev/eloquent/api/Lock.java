package dev.eloquent.api;

/** The row lock a read takes until its transaction ends ({@link Capability#ROW_LOCKS}). */
public enum Lock {
    NONE, SHARED, UPDATE
}
