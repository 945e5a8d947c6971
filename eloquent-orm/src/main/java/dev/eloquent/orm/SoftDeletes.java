package dev.eloquent.orm;

/**
 * Opts a model into soft deletes: {@code class Post extends Model<Post> implements SoftDeletes}. Its
 * {@link Model#delete()} then sets the {@code deleted_at} timestamp instead of removing the row, its queries
 * leave trashed rows out through the global scope named {@code softDeletes} (lift it with
 * {@code withTrashed()}, or ask for them alone with {@code onlyTrashed()}), and {@link Model#restore()} and
 * {@link Model#forceDelete()} undo or complete the delete. The schema must declare the column, nullable:
 * {@code t.timestamp("deleted_at").nullable()}. Read once, when the model is registered.
 */
public interface SoftDeletes {
    /** The column holding the time of deletion; override to rename it. */
    default String deletedAtColumn() {
        return "deleted_at";
    }
}
