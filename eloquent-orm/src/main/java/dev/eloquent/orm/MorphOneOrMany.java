package dev.eloquent.orm;

import dev.eloquent.api.Condition;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Operator;
import dev.eloquent.api.Query;

/**
 * A hasOne/hasMany whose related table serves parents of several classes: besides the parent's key in
 * {@code <name>_id}, each row says whose it is in {@code <name>_type} (the parent's morph map alias, else
 * its class name; see {@link Eloquent.Builder#morphMap}). The type is one more condition of the query, so
 * eager loading, {@code whereHas} and {@code withCount} work as for {@link HasOneOrMany}; creating or
 * saving through the relation sets both columns.
 */
public abstract class MorphOneOrMany<P extends Model<P>, R extends Model<R>, T, Q extends MorphOneOrMany<P, R, T, Q>>
        extends HasOneOrMany<P, R, T, Q> {
    private final String typeColumn;

    MorphOneOrMany(P parent, Class<R> related, String typeColumn, String idColumn, String localKey) {
        super(parent, related, idColumn, localKey);
        this.typeColumn = typeColumn;
        type.column(typeColumn);
    }

    /** What the type column holds for the parent's class. */
    String morphType() {
        return db.morphAlias(parent.getClass());
    }

    @Override
    Query shape(Query query) {
        Expression.Column column = new Expression.Column(reference(), typeColumn);
        return query.withWhere(Condition.and(query.where(),
                new Condition.Compare(column, Operator.EQ, Expression.value(bindValue(column, morphType())))));
    }

    @Override
    R setKeys(R model, Object key) {
        return super.setKeys(model, key).set(typeColumn, morphType());
    }

    public String typeColumn() {
        return typeColumn;
    }
}
