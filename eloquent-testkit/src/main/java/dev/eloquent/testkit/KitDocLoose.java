package dev.eloquent.testkit;

import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.Table;

/** A {@link MongoModel} without a schema: whole documents, keyed by their ObjectId {@code _id}. */
@Table("kit_doc_loose")
public final class KitDocLoose extends MongoModel<KitDocLoose> {
}
