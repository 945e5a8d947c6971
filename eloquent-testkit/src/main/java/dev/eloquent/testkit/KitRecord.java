package dev.eloquent.testkit;

import dev.eloquent.orm.BelongsTo;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SoftDeletes;
import dev.eloquent.orm.Table;

/** Soft deletes kit: a band's record, soft-deleting under a renamed column ({@code removed_at}), no timestamps. */
@Table("kit_records")
public final class KitRecord extends Model<KitRecord> implements SoftDeletes {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.integer("band_id");
        t.string("title", 100);
        t.timestamp("removed_at").nullable();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    public String deletedAtColumn() {
        return "removed_at";
    }

    public BelongsTo<KitRecord, KitBand> band() {
        return belongsTo(KitBand.class, "band_id");
    }
}
