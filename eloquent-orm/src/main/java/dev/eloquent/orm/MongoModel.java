package dev.eloquent.orm;

/**
 * A model stored as a document in a MongoDB collection, with the same API as {@link SqlModel}. Its
 * connection must be a document one (the driver claims {@link dev.eloquent.api.Capability#DOCUMENTS});
 * using it on a SQL connection fails with a message saying so.
 *
 * <p>The key mode follows the schema:
 * <ul>
 *   <li><b>integer id</b>: the schema declares {@code t.increments("id")} (or {@code bigIncrements}). The
 *   driver numbers new documents from a {@code counters} collection with one atomic increment, so
 *   concurrent inserts never share a number; the document's own {@code _id} stays hidden.</li>
 *   <li><b>ObjectId</b>: no schema, or a schema without a primary key. The key is {@code _id}, a new
 *   ObjectId on insert, seen in Java as its 24-character hex string: {@code find("65a1...")}.</li>
 * </ul>
 * A {@code json} column holds a nested document ({@code Map}) or array ({@code List}) as such.
 *
 * <pre>{@code
 * @Table("geolocations") @Connection("mongo")
 * public final class GeoLocation extends MongoModel<GeoLocation> {
 *     public Schema schema() { return Schema.of(t -> { t.bigInteger("user_id").index(); t.doublePrecision("lat"); t.json("tags").nullable(); t.timestamps(); }); }
 * }
 * }</pre>
 */
public abstract class MongoModel<M extends MongoModel<M>> extends Model<M> {
}
