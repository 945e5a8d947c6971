package dev.eloquent.orm;

import java.util.List;

/** One parent, many related models: {@code public HasMany<Artist, Album> albums() { return hasMany(Album.class, "artist_id"); }}. */
public final class HasMany<P extends Model<P>, R extends Model<R>> extends HasOneOrMany<P, R, List<R>, HasMany<P, R>> {
    HasMany(P parent, Class<R> related, String foreignKey, String localKey) {
        super(parent, related, foreignKey, localKey);
    }

    @Override
    List<R> result(List<R> related) {
        return related;
    }
}
