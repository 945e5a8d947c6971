package dev.eloquent.testkit;

import dev.eloquent.orm.Eloquent;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** What the soft delete and scope kits share: their models registered and tables fresh, raw rows by table. */
public interface BandSupport extends KitSupport {
    String BANDS = "kit_bands";
    String RECORDS = "kit_records";
    String POSTS = "kit_posts";

    /** Boots in test mode with the band models registered and their tables dropped and created anew. */
    default Eloquent bootBands() {
        Eloquent db = Eloquent.builder().env(target().env()).testMode().preventLazyLoading(true)
                .clock(Clock.systemDefaultZone())
                .register(KitBand.class, KitBand::new).register(KitRecord.class, KitRecord::new)
                .register(KitPost.class, KitPost::new).boot();
        try {
            db.dropTables(KitBand.class, KitRecord.class, KitPost.class);
            db.createTables(KitBand.class, KitRecord.class, KitPost.class);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    default KitBand band(Eloquent db, String name, String genre) {
        return db.create(KitBand.class, genre == null ? Map.of("name", name) : Map.of("name", name, "genre", genre));
    }

    default KitRecord record(Eloquent db, KitBand band, String title) {
        return db.create(KitRecord.class, Map.of("band_id", band.getKey(), "title", title));
    }

    default KitPost post(Eloquent db, KitBand band, String title, String status, int votes) {
        return db.create(KitPost.class, Map.of("band_id", band.getKey(), "title", title, "status", status, "votes", votes));
    }

    /** The table's rows through the raw second path, by id. */
    default List<Map<String, Object>> raw(String table) {
        return target().raw().rows(table);
    }

    /** The raw row with this name or title. */
    default Map<String, Object> rawRow(String table, String column, String value) {
        return raw(table).stream().filter(row -> value.equals(row.get(column))).findFirst()
                .orElseThrow(() -> new AssertionError("no raw row in " + table + " with that " + column));
    }
}
