package dev.eloquent.orm;

/**
 * A reusable constraint of one model's queries. As a local scope it is called on a query:
 * {@code db.query(User.class).scope(User::active)} with {@code static void active(AbstractModelQuery<?, User> q)
 * { q.where("active", true); }}, or with arguments through a lambda or a factory,
 * {@code scope(q -> User.olderThan(q, 30))}. As a global scope it is declared by the model
 * ({@link Model#globalScopes()}) or registered ({@link Eloquent#addGlobalScope}) and constrains every query of
 * the model. Either way the conditions it adds form one group ANDed with the query's own, so a scope's
 * {@code orWhere} never mixes with them. The parameter type covers both a {@link ModelQuery} and a relation's
 * query, so one scope serves {@code db.query(Album.class)} and {@code artist.albums()}.
 *
 * @param <M> the model class whose queries it constrains
 */
@FunctionalInterface
public interface Scope<M extends Model<M>> {
    void apply(AbstractModelQuery<?, M> query);
}
