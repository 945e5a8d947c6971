package dev.eloquent.testkit;

import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

/**
 * A {@link MongoModel} with a schema and an integer key: the document keeps its own {@code _id}, which the
 * model never sees (only document drivers run the cases that use it).
 */
@Table("kit_doc_notes")
public final class KitDocNote extends MongoModel<KitDocNote> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("body", 200);
        t.json("tags").nullable();
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
