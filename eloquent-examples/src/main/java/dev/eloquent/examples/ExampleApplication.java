package dev.eloquent.examples;

import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.EloquentApplication;
import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.seed.Seeder;

import java.util.List;

/**
 * What the example tells the {@code eloquent} CLI: its models, migrations and seeders. Provided as the
 * {@code dev.eloquent.orm.EloquentApplication} service (module-info and META-INF/services).
 */
public final class ExampleApplication implements EloquentApplication {
    @Override
    public void models(Eloquent.Builder builder) {
        builder.register(Author.class, Author::new).register(Book.class, Book::new)
                .register(ExampleRun.class, ExampleRun::new);
        MixedDriversExample.register(builder);
    }

    @Override
    public List<Migration> migrations() {
        return ExampleMigrations.all();
    }

    @Override
    public List<Seeder> seeders() {
        return ExampleSeeders.all();
    }
}
