package dev.eloquent.orm;

/**
 * Every event of one model class in one object: implement the methods of interest, register with
 * {@code db.observe(User.class, new UserObserver())}. A method of a cancellable event returns false to
 * cancel what is about to happen (the save throws {@link SaveCancelledException}, {@code trySave()} and
 * {@code delete()} return false). Only the methods a class overrides are registered, so an observer
 * without {@link #retrieved} costs nothing per row read.
 */
public interface ModelObserver<M extends Model<M>> {
    default void retrieved(M model) {
    }

    default boolean saving(M model) {
        return true;
    }

    default boolean creating(M model) {
        return true;
    }

    default void created(M model) {
    }

    default boolean updating(M model) {
        return true;
    }

    default void updated(M model) {
    }

    default void saved(M model) {
    }

    default boolean deleting(M model) {
        return true;
    }

    default void deleted(M model) {
    }

    default boolean restoring(M model) {
        return true;
    }

    default void restored(M model) {
    }

    default void trashed(M model) {
    }

    default boolean forceDeleting(M model) {
        return true;
    }

    default void forceDeleted(M model) {
    }

    default void replicating(M model) {
    }
}
