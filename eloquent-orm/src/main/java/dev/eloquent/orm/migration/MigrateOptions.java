package dev.eloquent.orm.migration;

import java.util.function.Consumer;

/**
 * How a {@link Migrator} command runs: {@code pretend} records the statements and changes nothing;
 * {@code force} runs even though an applied migration's checksum changed; {@code progress} receives one
 * line per migration with its connection and time.
 */
public record MigrateOptions(boolean pretend, boolean force, Consumer<String> progress) {
    public MigrateOptions {
        progress = progress == null ? line -> { } : progress;
    }

    /** Applies for real, refuses changed checksums, prints nothing. */
    public static MigrateOptions defaults() {
        return new MigrateOptions(false, false, null);
    }

    public MigrateOptions withPretend(boolean pretend) {
        return new MigrateOptions(pretend, force, progress);
    }

    public MigrateOptions withForce(boolean force) {
        return new MigrateOptions(pretend, force, progress);
    }

    public MigrateOptions withProgress(Consumer<String> progress) {
        return new MigrateOptions(pretend, force, progress);
    }
}
