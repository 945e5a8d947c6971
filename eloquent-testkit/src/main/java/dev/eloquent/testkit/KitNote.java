package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

import java.util.Set;

/** The model behaviour kit's model with a guarded column and timestamps declared but turned off. */
@Table("kit_notes")
public final class KitNote extends Model<KitNote> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("body", 200);
        t.bool("pinned").defaultValue(false);
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    protected Set<String> guarded() {
        return Set.of("pinned");
    }

    @Override
    protected boolean usesTimestamps() {
        return false;
    }
}
