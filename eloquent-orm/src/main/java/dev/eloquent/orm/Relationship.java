package dev.eloquent.orm;

/**
 * A relation of a model, as its declaring method returns it ({@code public HasMany<Artist, Album> albums()}).
 * {@link #getResults()} runs its query now; {@link Model#related} reads it once and keeps it on the model.
 *
 * @param <T> what it holds: a list of models, or one model (null when there is none)
 */
public interface Relationship<T> {
    /** Runs the relation's query now, whether or not it was loaded: the related models as stored. */
    T getResults();
}
