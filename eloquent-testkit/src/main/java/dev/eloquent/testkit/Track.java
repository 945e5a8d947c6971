package dev.eloquent.testkit;

import dev.eloquent.orm.BelongsTo;
import dev.eloquent.orm.BelongsToMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.MorphMany;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/**
 * Music store: a track of an album, with a genre (one track has none), a length, a decimal price and a
 * play counter (for increment and decrement).
 */
@Table("tracks")
public final class Track extends Model<Track> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 200);
        t.integer("album_id");
        t.integer("genre_id").nullable();
        t.string("composer", 200).nullable();
        t.integer("milliseconds");
        t.decimal("unit_price", 10, 2);
        t.integer("plays").defaultValue(0);
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    public BelongsTo<Track, Album> album() {
        return belongsTo(Album.class);
    }

    public BelongsTo<Track, Genre> genre() {
        return belongsTo(Genre.class);
    }

    /** The playlists holding the track: the pivot and its keys named by convention ({@code playlist_track}). */
    public BelongsToMany<Track, Playlist> playlists() {
        return belongsToMany(Playlist.class);
    }

    public MorphMany<Track, Comment> comments() {
        return morphMany(Comment.class, "commentable");
    }
}
