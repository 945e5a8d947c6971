package dev.eloquent.orm;

/**
 * The query builder of one model class: {@code db.query(User.class).where("age", ">=", 18).orderBy("name").limit(20).get()}.
 * Everything it does is in {@link AbstractModelQuery}, which a relation's query shares.
 */
public final class ModelQuery<M extends Model<M>> extends AbstractModelQuery<ModelQuery<M>, M> {
    ModelQuery(Eloquent db, ModelType<M> type) {
        super(db, type);
    }
}
