package dev.eloquent.orm;

import java.util.List;

/** At most one related model of a table shared by parents of several classes; of several, the first read. */
public final class MorphOne<P extends Model<P>, R extends Model<R>> extends MorphOneOrMany<P, R, R, MorphOne<P, R>> {
    MorphOne(P parent, Class<R> related, String typeColumn, String idColumn, String localKey) {
        super(parent, related, typeColumn, idColumn, localKey);
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
