package dev.eloquent.testkit;

import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Table;

/** The kit's model: one column of every portable type, with defaults, nulls and timestamps. A plain {@link Model}, so SQL and document drivers run the same cases. */
@Table("kit_items")
public final class KitItem extends Model<KitItem> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 100);
        t.text("notes").nullable();
        t.integer("quantity").defaultValue(0);
        t.bigInteger("big").nullable();
        t.bool("active").defaultValue(false);
        t.decimal("price", 12, 2).nullable();
        t.doublePrecision("ratio").nullable();
        t.json("meta").nullable();
        t.date("day").nullable();
        t.timestamp("seen_at").nullable();
        t.uuid("token").nullable();
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
