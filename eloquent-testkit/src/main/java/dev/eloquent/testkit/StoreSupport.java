package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Assumptions;

import java.util.function.Consumer;

/** What the query kits share: the seeded {@link MusicStore}, capability gates both ways, the raw SQL path. */
public interface StoreSupport extends KitSupport {
    /** A fresh, seeded music store on the target; close it (try-with-resources). */
    default MusicStore openStore() {
        return MusicStore.open(target(), builder -> {
        });
    }

    /** The same, with extra boot options (a query-log threshold, ...). */
    default MusicStore openStore(Consumer<Eloquent.Builder> options) {
        return MusicStore.open(target(), options);
    }

    private DatabaseConnection connection(Eloquent db) {
        return db.connections().connection(target().connection());
    }

    /** The target connection's driver name, as refusals name it ("joins is not supported on mongo"). */
    default String driverName(Eloquent db) {
        return connection(db).driverName();
    }

    /** Skips, visibly, a case that checks a refusal, where the driver does claim the capability. */
    default void assumeNotClaimed(Eloquent db, Capability capability) {
        DatabaseConnection connection = connection(db);
        Assumptions.assumeFalse(connection.supports(capability),
                () -> "skipped: driver " + connection.driverName() + " claims " + capability
                        + "; this case checks the refusal where it is not claimed");
    }

    /** The message every driver gives for an operation that needs a capability it does not claim. */
    default String notSupported(Eloquent db, Capability capability) {
        return capability.description() + " is not supported on " + driverName(db);
    }

    /**
     * The raw SQL second path, for cases whose reference answer is hand-written SQL; skips, visibly,
     * where the target's raw path is not JDBC.
     */
    default JdbcRawAccess rawSql() {
        RawAccess raw = target().raw();
        Assumptions.assumeTrue(raw instanceof JdbcRawAccess,
                () -> "skipped: the raw second path of connection " + target().connection() + " runs no SQL");
        return (JdbcRawAccess) raw;
    }

    /** Whether the target's second path runs SQL (else the reference answer is computed from raw rows). */
    default boolean rawRunsSql() {
        return target().raw() instanceof JdbcRawAccess;
    }
}
