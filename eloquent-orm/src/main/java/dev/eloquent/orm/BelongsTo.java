package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;

import java.util.List;

/**
 * The parent holds the related model's key in a foreign key column: {@code public BelongsTo<Album, Artist>
 * artist() { return belongsTo(Artist.class, "artist_id"); }}. A model related to itself works the same
 * ({@code Employee.manager()} on {@code reports_to}).
 */
public final class BelongsTo<P extends Model<P>, R extends Model<R>> extends Relation<P, R, R, BelongsTo<P, R>> {
    private final String foreignKey;
    private final String ownerKey;

    BelongsTo(P parent, Class<R> related, String foreignKey, String ownerKey) {
        super(parent, related);
        this.foreignKey = foreignKey;
        this.ownerKey = ownerKey;
        parent.type().column(foreignKey);
    }

    @Override
    String parentColumn() {
        return foreignKey;
    }

    @Override
    Expression.Column relatedColumn() {
        return new Expression.Column(reference(), ownerKey);
    }

    /** The owner key's value, read without building (and checking) the column for each loaded model. */
    @Override
    Object relatedValue(R model) {
        return model.get(ownerKey);
    }

    @Override
    R result(List<R> related) {
        return firstOrNull(related);
    }

    @Override
    public R getResults() {
        return oneResult();
    }

    /** Sets the parent's foreign key to the model's key (not saved) and keeps the model as the loaded relation. */
    public P associate(R model) {
        Object key = model.get(ownerKey);
        if (key == null) {
            throw new EloquentException("save the " + model.getClass().getSimpleName() + " before associating it: its "
                    + ownerKey + " is not set yet");
        }
        parent.set(foreignKey, key);
        parent.setRelation(parent.type().relations().nameOf(parent, this), model);
        return parent;
    }

    /** Clears the parent's foreign key (not saved) and the loaded relation. */
    public P dissociate() {
        parent.set(foreignKey, null);
        parent.setRelation(parent.type().relations().nameOf(parent, this), null);
        return parent;
    }
}
