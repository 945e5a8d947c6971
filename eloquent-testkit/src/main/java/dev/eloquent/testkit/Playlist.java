package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/** Music store: a playlist; its tracks are in the {@code playlist_track} pivot. One playlist is empty. */
@Table("playlists")
public final class Playlist extends Model<Playlist> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 120);
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
