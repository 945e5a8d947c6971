package dev.eloquent.orm;

import java.util.List;
import java.util.function.Consumer;

/**
 * What eager loading asks of a relation, whatever its kind: load it for many parents at once and put each
 * parent's share on it with {@link Model#setRelation}. Kept out of {@link Relationship}, which is what
 * applications see.
 */
interface EagerRelation<P extends Model<P>> {
    /**
     * Loads the relation for all the parents (of one class) by one query per chunk of keys, runs the
     * nested loads once on everything loaded, and sets the relation {@code name} on every parent, those
     * with nothing related included.
     */
    void eagerLoad(List<P> parents, String name, Consumer<AbstractModelQuery<?, ?>> constraint, EagerLoads nested);

    /**
     * What tells two relations apart regardless of the parent they were asked of: the kind, the related
     * class, the keys and the declared constraints. {@link RelationMethods} finds a relation's name by it.
     */
    Object signature();
}
