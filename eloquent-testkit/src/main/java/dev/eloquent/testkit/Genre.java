package dev.eloquent.testkit;

import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/** Music store: a genre; its unique name is what upserts match on. One genre has no tracks. */
@Table("genres")
public final class Genre extends Model<Genre> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 120).unique();
        t.string("description", 200).nullable();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    public HasMany<Genre, Track> tracks() {
        return hasMany(Track.class);
    }
}
