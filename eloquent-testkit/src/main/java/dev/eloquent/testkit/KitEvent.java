package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/** The kit's second model: a unique code to upsert on, and an instant with time zone. */
@Table("kit_events")
public final class KitEvent extends Model<KitEvent> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("code", 50).unique();
        t.integer("hits").defaultValue(0);
        t.string("label", 100).nullable();
        t.timestampTz("happened_at").nullable();
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
