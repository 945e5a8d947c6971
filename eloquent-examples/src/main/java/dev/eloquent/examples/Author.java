package dev.eloquent.examples;

import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;

/** Unpinned: follows DB_CONNECTION (sqlite unless the env says otherwise). */
@Table("authors")
public final class Author extends SqlModel<Author> {
    private static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 120).unique();
        t.string("country", 60).nullable();
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    /**
     * The author's books. Book is pinned to sqlite and Author follows DB_CONNECTION, so this relation may
     * cross connections; it reads the same either way (the books' query runs on Book's connection).
     */
    public HasMany<Author, Book> books() {
        return hasMany(Book.class, "author_id");
    }
}
