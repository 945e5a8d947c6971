package dev.eloquent.testkit;

import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.HasManyThrough;
import dev.eloquent.orm.HasOneThrough;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/** Music store: an artist; one has no albums (for outer joins and "not exists"). */
@Table("artists")
public final class Artist extends Model<Artist> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 120);
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    public HasMany<Artist, Album> albums() {
        return hasMany(Album.class, "artist_id");
    }

    /** The tracks of the artist's albums. */
    public HasManyThrough<Artist, Track> tracks() {
        return hasManyThrough(Track.class, Album.class, "artist_id", "album_id");
    }

    /** The artist's longest track, through albums. */
    public HasOneThrough<Artist, Track> longestTrack() {
        return hasOneThrough(Track.class, Album.class, "artist_id", "album_id").orderByDesc("milliseconds");
    }
}
