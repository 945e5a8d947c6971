package dev.eloquent.orm;

import java.util.List;

/**
 * Many related models through an intermediate one: {@code public HasManyThrough<Artist, Track> tracks() {
 * return hasManyThrough(Track.class, Album.class, "artist_id", "album_id"); }}.
 */
public final class HasManyThrough<P extends Model<P>, R extends Model<R>>
        extends HasOneOrManyThrough<P, R, List<R>, HasManyThrough<P, R>> {
    HasManyThrough(P parent, Class<R> related, Class<? extends Model<?>> through, String firstKey, String secondKey,
                   String localKey, String secondLocalKey) {
        super(parent, related, through, firstKey, secondKey, localKey, secondLocalKey);
    }

    @Override
    List<R> result(List<R> related) {
        return related;
    }
}
