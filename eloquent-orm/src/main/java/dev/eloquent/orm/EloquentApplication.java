package dev.eloquent.orm;

import dev.eloquent.orm.migration.Migration;
import dev.eloquent.orm.seed.Seeder;

import java.util.List;

/**
 * What an application tells tools such as the {@code eloquent} CLI: its models, migrations and seeders.
 * The application provides one implementation as a service ({@code provides
 * dev.eloquent.orm.EloquentApplication with ...} in its module-info, and a
 * {@code META-INF/services/dev.eloquent.orm.EloquentApplication} entry for the class path).
 */
public interface EloquentApplication {
    /** Registers the application's models: {@code builder.register(User.class, User::new)}. */
    void models(Eloquent.Builder builder);

    /** The migrations, in the order they apply. */
    default List<Migration> migrations() {
        return List.of();
    }

    /** The seeders {@code db:seed} can run; the first is the default ({@code DatabaseSeeder} in Laravel). */
    default List<Seeder> seeders() {
        return List.of();
    }
}
