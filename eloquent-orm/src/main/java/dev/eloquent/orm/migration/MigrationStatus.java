package dev.eloquent.orm.migration;

import java.time.Instant;

/**
 * Where one migration stands on a connection: {@code batch} and {@code appliedAt} are null while it is
 * pending; {@code checksumChanged} says its {@code up} no longer records what was applied.
 */
public record MigrationStatus(String connection, String migration, Integer batch, Instant appliedAt,
                              boolean checksumChanged) {
    public boolean applied() {
        return batch != null;
    }
}
