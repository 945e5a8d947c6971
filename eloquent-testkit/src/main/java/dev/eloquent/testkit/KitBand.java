package dev.eloquent.testkit;

import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SoftDeletes;
import dev.eloquent.orm.Table;

/** Soft deletes and scopes kits: a band, soft-deleting with the default {@code deleted_at}, unique name, timestamps. */
@Table("kit_bands")
public final class KitBand extends Model<KitBand> implements SoftDeletes {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 100).unique();
        t.string("genre", 50).nullable();
        t.timestamp("deleted_at").nullable();
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    public HasMany<KitBand, KitRecord> records() {
        return hasMany(KitRecord.class, "band_id");
    }

    public HasMany<KitBand, KitPost> posts() {
        return hasMany(KitPost.class, "band_id");
    }
}
