package dev.eloquent.examples;

import dev.eloquent.api.Driver;
import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.resolver.Diagnostics;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The README's example: boots on the default configuration (no .env needed: SQLite at
 * ./storage/app.sqlite), creates its tables, writes and reads a few models, one of them pinned to a
 * connection, and prints a short report. Running it again finds the same rows and says which run it is.
 */
public final class ExampleApp {
    private ExampleApp() {
    }

    public static void main(String[] args) {
        // HikariCP logs through SLF4J; the example shows warnings only.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        try {
            run(System.out);
        } catch (EloquentException e) {
            System.err.println("example failed: " + e.getMessage());
            System.exit(1);
        }
    }

    static void run(PrintStream out) {
        try (Eloquent db = Eloquent.builder()
                .register(Author.class, Author::new)
                .register(Book.class, Book::new)
                .register(ExampleRun.class, ExampleRun::new)
                .boot()) {
            out.println("Eloquent for Java: example report");
            for (Driver driver : db.connections().drivers().drivers().values()) {
                Module module = driver.getClass().getModule();
                out.println("  driver found: " + driver.name() + " ("
                        + (module.isNamed() ? "module " + module.getName() : "class path") + ")");
            }
            out.println("  default connection: " + db.connections().defaultName() + " -> "
                    + db.connections().settings(db.connections().defaultName()).describe());
            new Diagnostics(db.connections()).ignoredKeys().forEach(key -> out.println("  ignored env key: " + key));

            db.createTables(Author.class, Book.class, ExampleRun.class);
            db.make(ExampleRun.class).save();
            long run = db.query(ExampleRun.class).count();
            out.println("  run #" + run + " on this database");

            Author leckie = author(db, "Ann Leckie", "US");
            Author jemisin = author(db, "N. K. Jemisin", "US");
            book(db, leckie, "Ancillary Justice", "17.99", LocalDate.of(2013, 10, 1));
            book(db, leckie, "Provenance", "15.50", LocalDate.of(2017, 9, 26));
            book(db, jemisin, "The Fifth Season", "12.99", LocalDate.of(2015, 8, 4));

            // Read, change one attribute, save: only that column (and updated_at) is written.
            Book favourite = db.query(Book.class).where("title", "Ancillary Justice").firstOrFail();
            favourite.set("times_read", favourite.getInteger("times_read") + 1);
            out.println("  changed on save: " + favourite.getDirty().keySet());
            favourite.save();

            out.println("  authors: " + db.query(Author.class).count() + " (connection "
                    + db.connectionNameOf(Author.class) + ", unpinned)");
            out.println("  books: " + db.query(Book.class).count() + " (connection "
                    + db.connectionNameOf(Book.class) + ", pinned with @Connection(\"sqlite\"))");
            List<Book> cheap = db.query(Book.class).where("price", "<", new BigDecimal("16")).orderBy("price").get();
            for (Book book : cheap) {
                out.println("  under 16.00: " + book.getString("title") + " at " + book.getDecimal("price"));
            }
            long byLeckie = db.query(Book.class).where("author_id", leckie.getKey()).count();
            out.println("  books by " + leckie.getString("name") + ": " + byLeckie);

            // A report: a join, a group and aggregates, compiled for the connection (Author follows
            // DB_CONNECTION, so the join needs both models on one SQL connection: true on the default). Rows of
            // db.table(...) carry the driver's own types: SQLite sums decimals as doubles, hence the rounding.
            if (db.connectionNameOf(Author.class).equals(db.connectionNameOf(Book.class))) {
                for (Map<String, Object> row : db.table("books")
                        .join("authors", "authors.id", "=", "books.author_id")
                        .select("authors.name as author", "count(*) as books", "sum(books.price) as total")
                        .groupBy("authors.name").orderByDesc("books").orderBy("author").get()) {
                    out.println("  per author: " + row.get("author") + ", " + row.get("books") + " book(s), "
                            + new BigDecimal(row.get("total").toString()).setScale(2, java.math.RoundingMode.HALF_UP) + " in total");
                }
            }
            // Eager loading: every author's books in one query on Book's connection, matched in memory.
            for (Author author : db.query(Author.class).orderBy("name").with("books", q -> q.orderBy("title")).get()) {
                out.println("  " + author.getString("name") + " wrote "
                        + author.related(Author::books).stream().map(b -> b.getString("title")).toList());
            }
            out.println("  average price: " + db.query(Book.class).avg("price").setScale(2, java.math.RoundingMode.HALF_UP));
            out.println("  '" + favourite.getString("title") + "' read " + db.findOrFail(Book.class, favourite.getKey())
                    .getInteger("times_read") + " time(s) across runs");
        }
    }

    private static Author author(Eloquent db, String name, String country) {
        return db.query(Author.class).where("name", name).first()
                .orElseGet(() -> db.create(Author.class, Map.of("name", name, "country", country)));
    }

    private static void book(Eloquent db, Author author, String title, String price, LocalDate published) {
        if (!db.query(Book.class).where("title", title).exists()) {
            db.create(Book.class, Map.of("author_id", author.getKey(), "title", title,
                    "price", new BigDecimal(price), "published_on", published));
        }
    }
}
