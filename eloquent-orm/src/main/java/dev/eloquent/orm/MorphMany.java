package dev.eloquent.orm;

import java.util.List;

/** Many related models of a table shared by parents of several classes: {@code public MorphMany<Album, Comment> comments() { return morphMany(Comment.class, "commentable"); }}. */
public final class MorphMany<P extends Model<P>, R extends Model<R>> extends MorphOneOrMany<P, R, List<R>, MorphMany<P, R>> {
    MorphMany(P parent, Class<R> related, String typeColumn, String idColumn, String localKey) {
        super(parent, related, typeColumn, idColumn, localKey);
    }

    @Override
    List<R> result(List<R> related) {
        return related;
    }
}
