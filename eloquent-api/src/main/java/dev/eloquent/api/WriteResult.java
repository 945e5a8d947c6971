package dev.eloquent.api;

import java.util.List;

/**
 * What a {@link Write} did: how many rows it affected (for an upsert, a driver-specific count: MySQL
 * counts an updated row twice) and, for an insert with {@code returning}, each row's generated key.
 */
public record WriteResult(long affected, List<Object> generatedKeys) {
    public WriteResult {
        generatedKeys = Lists.copy(generatedKeys);
    }

    public static WriteResult of(long affected) {
        return new WriteResult(affected, List.of());
    }

    /** The counts only: generated keys are values, kept out of anything that may be logged. */
    @Override
    public String toString() {
        return "WriteResult[affected " + affected + ", " + generatedKeys.size() + " generated keys]";
    }
}
