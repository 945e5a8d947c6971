package dev.eloquent.examples;

import dev.eloquent.api.Env;
import dev.eloquent.orm.Connection;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The README's quick start, compiled and run, so the README cannot drift from the API. */
class QuickStartTest {
    @Table("users") @Connection("sqlite")            // pinned: always this connection (sqlite_test in test mode)
    public static final class User extends SqlModel<User> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 120).unique();
            t.bool("active").defaultValue(true);
            t.decimal("balance", 10, 2).defaultValue("0.00");
            t.timestamps();                          // created_at / updated_at, filled in on save
        });
        @Override public Schema schema() { return SCHEMA; }
    }

    @TempDir
    Path folder;

    @Test
    void theQuickStartRunsAsTheReadmeShowsIt() {
        Eloquent.Builder builder = Eloquent.builder().env(Env.of(Map.of("SQLITE_PATH", folder.resolve("app.sqlite").toString())));
        // ---- from here on, the README's lines ----
        try (Eloquent db = builder.register(User.class, User::new).boot()) {   // reads .env, finds drivers
            db.createTables(User.class);                 // from the schema, on the model's own connection
            User ann = db.create(User.class, Map.of("name", "Ann"));
            ann.set("balance", "12.50").save();          // writes only balance and updated_at
            List<User> page = db.query(User.class).where("active", true).where("balance", ">", 10)
                    .orderBy("name").limit(20).offset(0).get();
            User same = db.findOrFail(User.class, ann.getKey());
            long count = db.query(User.class).whereIn("name", List.of("Ann", "Bo")).count();
            // ---- the README's lines end here ----
            assertEquals(List.of("Ann"), page.stream().map(u -> u.getString("name")).toList());
            assertEquals(new BigDecimal("12.50"), same.getDecimal("balance"));
            assertEquals(true, same.getBoolean("active"));
            assertEquals(1, count);
        }
    }
}
