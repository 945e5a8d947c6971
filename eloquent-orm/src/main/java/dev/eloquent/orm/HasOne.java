package dev.eloquent.orm;

import java.util.List;

/**
 * One parent, at most one related model: {@code public HasOne<Employee, Address> address()}. Of several
 * matching rows, the first one read is the related model, as in Laravel; order the relation to choose.
 */
public final class HasOne<P extends Model<P>, R extends Model<R>> extends HasOneOrMany<P, R, R, HasOne<P, R>> {
    HasOne(P parent, Class<R> related, String foreignKey, String localKey) {
        super(parent, related, foreignKey, localKey);
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
