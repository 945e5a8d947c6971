package dev.eloquent.orm;

import java.util.List;

/**
 * At most one related model through an intermediate one; of several, the first read, as in Laravel (order
 * the relation to choose): {@code hasOneThrough(Track.class, Album.class, "artist_id", "album_id").orderByDesc("milliseconds")}.
 */
public final class HasOneThrough<P extends Model<P>, R extends Model<R>>
        extends HasOneOrManyThrough<P, R, R, HasOneThrough<P, R>> {
    HasOneThrough(P parent, Class<R> related, Class<? extends Model<?>> through, String firstKey, String secondKey,
                  String localKey, String secondLocalKey) {
        super(parent, related, through, firstKey, secondKey, localKey, secondLocalKey);
    }

    @Override
    R result(List<R> related) {
        return firstOrNull(related);
    }

    @Override
    public R getResults() {
        return oneResult();
    }
}
