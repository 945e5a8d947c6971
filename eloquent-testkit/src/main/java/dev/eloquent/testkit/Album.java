package dev.eloquent.testkit;

import dev.eloquent.orm.BelongsTo;
import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.MorphMany;
import dev.eloquent.orm.MorphOne;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/** Music store: an album of one artist. */
@Table("albums")
public final class Album extends Model<Album> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("title", 160);
        t.integer("artist_id");
        t.integer("released").nullable();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    public BelongsTo<Album, Artist> artist() {
        return belongsTo(Artist.class);
    }

    public HasMany<Album, Track> tracks() {
        return hasMany(Track.class, "album_id");
    }

    public MorphMany<Album, Comment> comments() {
        return morphMany(Comment.class, "commentable");
    }

    /** The album's first comment. */
    public MorphOne<Album, Comment> firstComment() {
        return morphOne(Comment.class, "commentable").orderBy("id");
    }
}
