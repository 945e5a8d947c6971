package com.example.app;

import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.EloquentApplication;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SchemaBuilder;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;
import dev.eloquent.orm.migration.MigrateOptions;
import dev.eloquent.orm.migration.Migration;

import java.util.List;
import java.util.Map;

/** The application: its models and migrations (what the eloquent command finds too), and a main. */
public final class App implements EloquentApplication {
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

    @Override
    public void models(Eloquent.Builder builder) {
        builder.register(Post.class, Post::new);
    }

    @Override
    public List<Migration> migrations() {
        return List.of(new CreatePostsTable());
    }

    public static void main(String[] args) {
        App app = new App();
        Eloquent.Builder builder = Eloquent.builder();   // reads .env; without one, DB_CONNECTION is sqlite
        app.models(builder);
        try (Eloquent db = builder.boot()) {
            db.migrator(app.migrations()).run(null, MigrateOptions.defaults());
            db.create(Post.class, Map.of("title", "Hello from your project"));
            System.out.println("posts: " + db.query(Post.class).count());
        }
    }
}
