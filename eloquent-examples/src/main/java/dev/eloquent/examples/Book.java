package dev.eloquent.examples;

import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;

/** Pinned: always the {@code sqlite} connection, whatever DB_CONNECTION says. */
@Table("books")
@Connection("sqlite")
public final class Book extends SqlModel<Book> {
    private static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.bigInteger("author_id").index();
        t.string("title", 200).unique();
        t.decimal("price", 8, 2);
        t.bool("in_print").defaultValue(true);
        t.date("published_on").nullable();
        t.integer("times_read").defaultValue(0);
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
