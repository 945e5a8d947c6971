package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.EloquentApplication;
import dev.eloquent.orm.Model;
import dev.eloquent.resolver.Connections;
import dev.eloquent.resolver.EnvFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * The make:* commands: write a model, migration, seeder or factory class into the application's sources
 * (see {@link Generators} for where). They open no connection. In production (APP_ENV=production) they
 * are guarded like the destructive commands: {@code ELOQUENT_ALLOW_PROD_DESTRUCTIVE=true}, --force and --yes.
 */
final class MakeCommands {
    /** Where the generators read the env from: the working directory's .env and the real environment (tests swap it). */
    static Supplier<Env> envSource = EnvFiles::load;

    private MakeCommands() {
    }

    /** The options every generator shares. */
    abstract static class Make implements Callable<Integer> {
        @Option(names = "--path", paramLabel = "DIR", description = "Source root to write into (default: "
                + Generators.SOURCE_DIR_KEY + ", else " + Generators.DEFAULT_SOURCE_DIR + ").")
        String path;

        @Option(names = "--package", paramLabel = "PACKAGE", description = "Package of the new class (default: "
                + Generators.PACKAGE_KEY + ", else the package of the application's EloquentApplication).")
        String packageName;

        @Option(names = "--force", description = "Replace an existing file; in production also required to run at all.")
        boolean force;

        @Option(names = {"-y", "--yes"}, description = "In production, confirm (with --force and "
                + ProductionGuard.ALLOW_KEY + "=true).")
        boolean yes;

        @Option(names = {"-v", "--verbose"}, description = "Print stack traces of failures.")
        boolean verbose;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Env env = envSource.get();
            String command = spec.name();
            boolean production = env.get(Connections.APP_ENV).orElse("local").equalsIgnoreCase("production");
            if (production) {
                ProductionGuard.check(command, "writes source files", true,
                        env.get(ProductionGuard.ALLOW_KEY).map("true"::equalsIgnoreCase).orElse(false), force, yes, null);
            }
            Generators.Target target = Generators.target(Path.of("").toAbsolutePath(), path, packageName, env,
                    MakeCommands::applicationPackage, force);
            run(target, env, out);
            out.flush();
            return EloquentCli.OK;
        }

        void run(Generators.Target target, Env env, PrintWriter out) {
            Generators.Generated generated = generate(target);
            out.println("created " + generated.file());
            out.println("next: " + generated.register());
        }

        abstract Generators.Generated generate(Generators.Target target);
    }

    /** The package of the one EloquentApplication on the path, if there is exactly one. */
    static Optional<String> applicationPackage() {
        try {
            return Optional.of(Applications.find().getClass().getPackageName());
        } catch (EloquentException e) {
            return Optional.empty();
        }
    }

    @Command(name = "make:model", mixinStandardHelpOptions = true,
            description = "Write a model class (a SqlModel with its schema) into the application's sources.")
    static final class MakeModel extends Make {
        @Parameters(index = "0", paramLabel = "NAME", description = "The model's class name, such as User.")
        String name;

        @Option(names = "--table", paramLabel = "TABLE", description = "The table (default: the name in snake case, pluralised).")
        String table;

        @Option(names = "--connection", paramLabel = "NAME", description = "Pin the model to this connection (@Connection).")
        String connection;

        @Override
        Generators.Generated generate(Generators.Target target) {
            return Generators.model(target, name, table, connection);
        }
    }

    @Command(name = "make:migration", mixinStandardHelpOptions = true,
            description = {"Write a migration class M<yyyy_MM_dd_HHmmss>_<Name> into the application's sources.",
                    "create_X_table creates table X; add_Y_to_X_table alters X; --create/--table say it outright.",
                    "A model's name (or --all) compares its schema with what the migrations create, offline,",
                    "and writes the difference; a column the model dropped is kept unless --drop-missing."})
    static final class MakeMigration extends Make {
        @Parameters(index = "0", arity = "0..1", paramLabel = "NAME", description = "Such as create_users_table;"
                + " or a registered model's name (Post) to generate what its schema needs (model-first).")
        String name;

        @Option(names = "--create", paramLabel = "TABLE", description = "The table this migration creates.")
        String create;

        @Option(names = "--table", paramLabel = "TABLE", description = "The table this migration alters.")
        String table;

        @Option(names = "--connection", paramLabel = "NAME", description = "Pin the migration to this connection.")
        String connection;

        @Option(names = "--all", description = "Model-first: generate the migration each registered model needs.")
        boolean all;

        @Option(names = "--drop-missing", description = "Model-first: drop the columns a model no longer declares"
                + " (otherwise the drop is written commented out).")
        boolean dropMissing;

        @Override
        void run(Generators.Target target, Env env, PrintWriter out) {
            if (!all && name == null) {
                throw new UsageException("make:migration needs a NAME, such as create_users_table, or a model's name,"
                        + " or --all");
            }
            // A model's name (User, not create_users_table) asks for model-first generation when the
            // application registers such a model; otherwise it names a migration as before.
            EloquentApplication application = all ? Applications.find()
                    : looksLikeModel(name) ? applicationIfAny() : null;
            if (application == null) {
                super.run(target, env, out);
                return;
            }
            // Booting opens no connection: the models are described and the migrations replayed offline.
            Eloquent.Builder builder = Eloquent.builder().env(env);
            application.models(builder);
            try (Eloquent db = builder.boot()) {
                Class<? extends Model<?>> model = all ? null : ModelMigrations.model(db, name);
                if (!all && model == null) {
                    super.run(target, env, out);
                    return;
                }
                if (create != null || table != null || connection != null) {
                    throw new UsageException("make:migration from a model takes the table and connection from the"
                            + " model: drop --create, --table and --connection");
                }
                ModelMigrations generator = new ModelMigrations(db, application.migrations(), target, dropMissing,
                        LocalDateTime.now());
                generator.requireRegistered(application.migrations());
                ModelMigrations.report(all ? ModelMigrations.models(db) : List.of(model), generator, out, false);
            }
        }

        private static boolean looksLikeModel(String name) {
            return !name.contains("_") && Character.isUpperCase(name.charAt(0));
        }

        private static EloquentApplication applicationIfAny() {
            try {
                return Applications.find();
            } catch (EloquentException e) {
                return null;
            }
        }

        @Override
        Generators.Generated generate(Generators.Target target) {
            return Generators.migration(target, name, create, table, connection, LocalDateTime.now());
        }
    }

    @Command(name = "make:seeder", mixinStandardHelpOptions = true,
            description = "Write a seeder class into the application's sources.")
    static final class MakeSeeder extends Make {
        @Parameters(index = "0", paramLabel = "NAME", description = "The seeder's class name, such as UserSeeder.")
        String name;

        @Option(names = "--connection", paramLabel = "NAME", description = "Pin the seeder to this connection.")
        String connection;

        @Override
        Generators.Generated generate(Generators.Target target) {
            return Generators.seeder(target, name, connection);
        }
    }

    @Command(name = "make:factory", mixinStandardHelpOptions = true,
            description = "Write a factory class (fake data with datafaker) into the application's sources.")
    static final class MakeFactory extends Make {
        @Parameters(index = "0", paramLabel = "NAME", description = "The factory's class name, such as UserFactory.")
        String name;

        @Option(names = "--model", paramLabel = "MODEL", description = "The model it makes (default: NAME without Factory).")
        String model;

        @Override
        Generators.Generated generate(Generators.Target target) {
            return Generators.factory(target, name, model);
        }
    }
}
