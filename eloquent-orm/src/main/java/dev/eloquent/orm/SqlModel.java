package dev.eloquent.orm;

/**
 * A model stored in a SQL table. Its connection must be a SQL one (the driver claims
 * {@link dev.eloquent.api.Capability#RAW_SQL}); using it on another fails with a message saying so.
 *
 * <pre>{@code
 * @Table("users") @Connection("sqlite")
 * public final class User extends SqlModel<User> {
 *     public Schema schema() { return Schema.of(t -> { t.increments("id"); t.string("name", 120); t.timestamps(); }); }
 * }
 * }</pre>
 */
public abstract class SqlModel<M extends SqlModel<M>> extends Model<M> {
}
