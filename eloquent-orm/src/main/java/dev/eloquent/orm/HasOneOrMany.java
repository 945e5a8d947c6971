package dev.eloquent.orm;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;

import java.util.List;
import java.util.Map;

/**
 * The related rows hold the parent's key in a foreign key column ({@code albums.artist_id = artists.id}).
 * Creating or saving through the relation sets that column.
 */
public abstract class HasOneOrMany<P extends Model<P>, R extends Model<R>, T, Q extends HasOneOrMany<P, R, T, Q>>
        extends Relation<P, R, T, Q> {
    private final String foreignKey;
    private final String localKey;

    HasOneOrMany(P parent, Class<R> related, String foreignKey, String localKey) {
        super(parent, related);
        this.foreignKey = foreignKey;
        this.localKey = localKey;
        type.column(foreignKey); // a misspelt foreign key fails where the relation is declared
    }

    @Override
    String parentColumn() {
        return localKey;
    }

    @Override
    Expression.Column relatedColumn() {
        return new Expression.Column(reference(), foreignKey);
    }

    /** The foreign key's value, read without building (and checking) the column for each loaded model. */
    @Override
    Object relatedValue(R model) {
        return model.get(foreignKey);
    }

    public String foreignKey() {
        return foreignKey;
    }

    /** A new related model with the foreign key set to the parent's key, not saved. */
    public R make(Map<String, ?> attributes) {
        R model = type.newInstance();
        model.bind(db, type);
        model.fill(attributes);
        return setKeys(model, parentKey());
    }

    /** Makes and saves a related model with the foreign key set. */
    public R create(Map<String, ?> attributes) {
        return make(attributes).save();
    }

    /** Sets the model's foreign key to the parent's key and saves it. */
    public R save(R model) {
        setKeys(model, parentKey());
        return model.save();
    }

    /** Saves each model as {@link #save} does, inserting the new ones in batches. */
    public List<R> saveMany(List<R> models) {
        Object key = parentKey();
        models.forEach(model -> setKeys(model, key));
        return db.saveMany(models);
    }

    /** Points the model at the parent: its foreign key (a morph relation adds the type column). */
    R setKeys(R model, Object key) {
        return model.set(foreignKey, key);
    }

    private Object parentKey() {
        Object key = parentValue(parent);
        if (key == null) {
            throw new EloquentException("save the " + parent.getClass().getSimpleName() + " before adding related "
                    + type.name() + " models: its " + localKey + " is not set yet");
        }
        return key;
    }
}
