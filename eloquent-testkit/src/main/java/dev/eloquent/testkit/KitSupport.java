package dev.eloquent.testkit;

import dev.eloquent.api.Capability;
import dev.eloquent.orm.Eloquent;
import org.junit.jupiter.api.Assumptions;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** What every kit interface shares: the target, booting a fresh instance with fresh kit tables, capability gates. */
public interface KitSupport {
    String TABLE = "kit_items";
    String EVENTS = "kit_events";

    DriverTarget target();

    /** Boots in test mode on the target, with {@code kit_items} dropped and created anew. */
    default Eloquent boot() {
        return boot(Clock.systemDefaultZone());
    }

    default Eloquent boot(Clock clock) {
        Eloquent db = Eloquent.builder().env(target().env()).testMode().preventLazyLoading(true).clock(clock)
                .preventSilentlyDiscardingAttributes(true)
                .register(KitItem.class, KitItem::new).register(KitEvent.class, KitEvent::new).boot();
        try {
            db.dropTables(KitItem.class);
            db.createTables(KitItem.class);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /** Drops and creates {@code kit_events}, for the cases that use it. */
    default void freshEvents(Eloquent db) {
        db.dropTables(KitEvent.class);
        db.createTables(KitEvent.class);
    }

    /**
     * The precision the target's connection declares for timestamps
     * ({@link dev.eloquent.api.DatabaseConnection#timestampPrecision()}: microseconds on SQL drivers,
     * milliseconds on MongoDB). The kit checks through the raw path that the driver stores exactly that.
     */
    default java.time.temporal.ChronoUnit timestampPrecision(Eloquent db) {
        return db.connections().connection(target().connection()).timestampPrecision();
    }

    /** Skips the calling test, visibly, unless the target's driver claims the capability. */
    default void assumeCapability(Eloquent db, Capability capability) {
        var connection = db.connections().connection(target().connection());
        Assumptions.assumeTrue(connection.supports(capability),
                () -> "skipped: driver " + connection.driverName() + " does not claim " + capability);
    }

    default List<Map<String, Object>> rawRows() {
        return target().raw().rows(TABLE);
    }

    default KitItem item(Eloquent db, String name) {
        return db.create(KitItem.class, Map.of("name", name));
    }
}
