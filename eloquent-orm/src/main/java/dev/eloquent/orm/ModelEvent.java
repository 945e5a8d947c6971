package dev.eloquent.orm;

/**
 * The moments of a model's life that listeners and observers hear about. The "-ing" events of writes run
 * before the write and can cancel it; the "-ed" events run after it, in the same thread and so inside the
 * caller's transaction, if there is one.
 */
public enum ModelEvent {
    /** After a model is read from a row (before its relations are eager loaded). */
    RETRIEVED(false),
    /** Before any save, insert or update; cancelling stops the save. */
    SAVING(true),
    /** Before the insert of a new model, after {@link #SAVING}. */
    CREATING(true),
    CREATED(false),
    /** Before the update of a stored model with changes, after {@link #SAVING}. */
    UPDATING(true),
    UPDATED(false),
    /** After a save that went ahead, insert or update (also when nothing had changed). */
    SAVED(false),
    DELETING(true),
    DELETED(false),
    /** Before a soft-deleted model is restored; fired by the restore, cancelling it. */
    RESTORING(true),
    RESTORED(false),
    /** After a soft delete set {@code deleted_at}, before {@link #DELETED} (Laravel's "trashed"). */
    TRASHED(false),
    /**
     * Before {@code forceDelete()} of a soft-deleting model removes its row, before {@link #DELETING};
     * cancelling keeps the row. A model without soft deletes fires only deleting/deleted, as in Laravel.
     */
    FORCE_DELETING(true),
    /** After a force delete removed the row, after {@link #DELETED}. */
    FORCE_DELETED(false),
    /** On the new copy {@code replicate()} made, before it is returned (it is not saved yet). */
    REPLICATING(false);

    private final boolean cancellable;

    ModelEvent(boolean cancellable) {
        this.cancellable = cancellable;
    }

    /** Whether a listener of this event can stop what is about to happen. */
    public boolean cancellable() {
        return cancellable;
    }
}
