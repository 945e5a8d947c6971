package com.example.app;

import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SchemaBuilder;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import dev.eloquent.orm.migration.MigrateOptions;
import dev.eloquent.orm.migration.Migration;

import java.util.List;
import java.util.Map;

public final class App {
    @Table("posts")
    public static final class Post extends SqlModel<Post> {
        private static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("title", 200);
            t.timestamps();
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    public static final class CreatePostsTable implements Migration {
        @Override
        public void up(SchemaBuilder schema) {
            schema.create("posts", t -> {
                t.increments("id");
                t.string("title", 200);
                t.timestamps();
            });
        }

        @Override
        public void down(SchemaBuilder schema) {
            schema.dropIfExists("posts");
        }
    }

    private App() {
    }

    public static void main(String[] args) {
        // No .env needed: DB_CONNECTION defaults to sqlite, in ./storage/app.sqlite.
        try (Eloquent db = Eloquent.builder().register(Post.class, Post::new).boot()) {
            db.migrator(List.of(new CreatePostsTable())).run(null, MigrateOptions.defaults());
            db.create(Post.class, Map.of("title", "Hello from your project"));
            System.out.println("posts: " + db.query(Post.class).count());
        }
    }
}
