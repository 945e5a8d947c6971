package dev.eloquent.testkit;

import dev.eloquent.orm.BelongsToMany;
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

    /** The tracks in the {@code playlist_track} pivot, with their position read. */
    public BelongsToMany<Playlist, Track> tracks() {
        return belongsToMany(Track.class, "playlist_track", "playlist_id", "track_id").withPivot("position");
    }

    /** Tracks starred in a playlist, in a pivot with timestamps that {@link PivotRelationKit} creates. */
    public BelongsToMany<Playlist, Track> starred() {
        return belongsToMany(Track.class, PivotRelationKit.STARRED, "playlist_id", "track_id").withTimestamps();
    }
}
