package dev.eloquent.testkit;

import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Page;
import dev.eloquent.orm.Serialization;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.eloquent.testkit.KitAssertions.asLong;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Serialization (docs/models.md): the JSON of a model with hidden columns, casts, an append and loaded
 * relations is the same text, byte for byte, on every driver; lists and pages print their models the same way.
 */
public interface SerializationKit extends GadgetSupport, StoreSupport {
    Clock FIXED = Clock.fixed(Instant.parse("2024-05-01T10:00:00Z"), ZoneOffset.UTC);

    /** The gadget's JSON: columns in schema order (secret and cost hidden), the append, then the parts. */
    String GADGET_JSON = "{\"id\":1,\"name\":\"probe\",\"level\":\"HIGH\",\"size\":\"LARGE\",\"meta\":{\"tags\":[\"a\",\"b\"]},"
            + "\"count_text\":7,\"price\":12.50,\"flag\":true,\"day\":\"2024-05-01\",\"seen_at\":\"2024-05-01T08:30:00.000000Z\","
            + "\"created_at\":\"2024-05-01T10:00:00.000000Z\",\"updated_at\":\"2024-05-01T10:00:00.000000Z\","
            + "\"label\":\"PROBE\",\"parts\":[{\"id\":1,\"title\":\"cog\",\"weight\":1.50},{\"id\":2,\"title\":\"gear\",\"weight\":null}]}";

    private Eloquent bootWithParts() {
        Eloquent db = bootGadgets(FIXED, KEY, true);
        KitGadget gadget = CastKit.saveGadget(db, "probe");
        db.make(KitPart.class).set("gadget_id", gadget.getKey()).set("title", "cog").set("weight", new BigDecimal("1.5")).save();
        db.make(KitPart.class).set("gadget_id", gadget.getKey()).set("title", "gear").save();
        return db;
    }

    @Test
    default void theJsonOfAModelWithHiddenColumnsCastsAndRelationsIsPinnedByteForByte() {
        try (Eloquent db = bootWithParts()) {
            KitGadget gadget = db.query(KitGadget.class).with("parts").firstOrFail();
            assertEquals(GADGET_JSON, gadget.toJson());
            Map<String, Object> map = gadget.toMap();
            assertFalse(map.containsKey("secret") || map.containsKey("cost"), "hidden columns are left out");
            assertEquals(List.of("id", "name", "level", "size", "meta", "count_text", "price", "flag", "day", "seen_at",
                    "created_at", "updated_at", "label", "parts"), List.copyOf(map.keySet()));
        }
    }

    @Test
    default void aListAndAPagePrintTheirModelsAsAModelDoes() {
        try (Eloquent db = bootWithParts()) {
            List<KitGadget> gadgets = db.query(KitGadget.class).with("parts").get();
            assertEquals("[" + GADGET_JSON + "]", Serialization.toJson(gadgets));
            Page<KitPart> page = db.query(KitPart.class).orderBy("id").paginate(1, 2);
            assertEquals("{\"current_page\":2,\"data\":[{\"id\":2,\"title\":\"gear\",\"weight\":null}],\"from\":2,"
                    + "\"last_page\":2,\"per_page\":1,\"to\":2,\"total\":2}", page.toJson());
        }
    }

    @Test
    default void aModelReadThroughAPivotPrintsItsPivotLast() {
        try (MusicStore store = openStore()) {
            Playlist roadTrip = store.db().query(Playlist.class).where("name", "Road Trip").firstOrFail();
            Track first = roadTrip.tracks().orderByPivot("position").get().get(0);
            Map<String, Object> printed = first.toMap();
            List<String> keys = List.copyOf(printed.keySet());
            assertEquals("pivot", keys.get(keys.size() - 1), keys.toString());
            Map<?, ?> pivot = (Map<?, ?>) printed.get("pivot");
            assertEquals(1L, asLong(pivot.get("position")));
            assertEquals(store.playlist("Road Trip"), asLong(pivot.get("playlist_id")));
            assertEquals(store.track("Highway to Hell"), asLong(pivot.get("track_id")));
            assertEquals(store.track("Highway to Hell"), asLong(printed.get("id")));
        }
    }
}
