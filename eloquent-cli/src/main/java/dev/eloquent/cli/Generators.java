package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Env;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The make:* generators: Java sources for a model, a migration, a seeder or a factory, written into a
 * source root and package. Where they go: {@code --path} (else {@code ELOQUENT_SOURCE_DIR}, else
 * {@code src/main/java} under the working directory) and {@code --package} (else {@code ELOQUENT_PACKAGE},
 * else the package of the application's {@link dev.eloquent.orm.EloquentApplication} when one is found;
 * otherwise the command is a usage error that asks for {@code --package}). An existing file is never
 * overwritten without {@code --force}.
 */
public final class Generators {
    public static final String SOURCE_DIR_KEY = "ELOQUENT_SOURCE_DIR";
    public static final String PACKAGE_KEY = "ELOQUENT_PACKAGE";
    public static final String DEFAULT_SOURCE_DIR = "src/main/java";

    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");
    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy_MM_dd_HHmmss", Locale.ROOT);

    /** Where one generator writes: the source root, the package and whether it may replace a file. */
    public record Target(Path sourceRoot, String packageName, boolean force) {
        Path file(String className) {
            Path dir = packageName.isEmpty() ? sourceRoot : sourceRoot.resolve(packageName.replace('.', '/'));
            return dir.resolve(className + ".java");
        }
    }

    /** What a generator wrote: the file, its class, and where to register it. */
    public record Generated(Path file, String className, String register) {
    }

    private Generators() {
    }

    /**
     * Works the target out from the flags, then the env, then the defaults.
     *
     * @param applicationPackage the package of the application's EloquentApplication, when one is found
     */
    public static Target target(Path workDir, String pathFlag, String packageFlag, Env env,
                                Supplier<Optional<String>> applicationPackage, boolean force) {
        String dir = pathFlag != null ? pathFlag : env.get(SOURCE_DIR_KEY).filter(s -> !s.isBlank()).orElse(DEFAULT_SOURCE_DIR);
        String pkg = packageFlag != null ? packageFlag : env.get(PACKAGE_KEY).filter(s -> !s.isBlank()).orElse(null);
        if (pkg == null) {
            pkg = applicationPackage.get().orElseThrow(() -> new UsageException("no package to write into: pass"
                    + " --package com.acme.app (or set " + PACKAGE_KEY + "); the default, the package of the"
                    + " application's EloquentApplication, needs one on the path"));
        }
        if (!pkg.isEmpty() && !PACKAGE.matcher(pkg).matches()) {
            throw new UsageException("not a Java package name: " + pkg);
        }
        return new Target(workDir.resolve(dir).normalize(), pkg, force);
    }

    static String tableName(String className) {
        return dev.eloquent.orm.ModelNames.table(className);
    }

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('-', '_').toLowerCase(Locale.ROOT);
    }

    /** {@code create_users_table} (or {@code CreateUsersTable}) becomes {@code CreateUsersTable}. */
    static String studly(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : snake(name).split("[_\\s]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }

    static String className(String name, String what) {
        if (name == null || !JAVA_NAME.matcher(name).matches()) {
            throw new UsageException(what + " needs a Java class name (such as User), not: " + name);
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    // ---------------------------------------------------------------- models

    public static Generated model(Target target, String name, String table, String connection) {
        String cls = className(name, "make:model");
        String tableName = table != null ? table : tableName(cls);
        StringBuilder src = header(target, "dev.eloquent.orm.Schema", "dev.eloquent.orm.SqlModel", "dev.eloquent.orm.Table",
                connection == null ? null : "dev.eloquent.orm.Connection");
        src.append("/**\n * The ").append(tableName).append(" table").append(connection == null
                ? " (unpinned: it follows DB_CONNECTION)." : " (pinned to the " + connection + " connection).")
                .append("\n * Register it in your EloquentApplication.models(builder): builder.register(").append(cls)
                .append(".class, ").append(cls).append("::new);\n */\n");
        src.append("@Table(\"").append(tableName).append("\")");
        if (connection != null) {
            src.append(" @Connection(\"").append(connection).append("\")");
        }
        src.append("\npublic final class ").append(cls).append(" extends SqlModel<").append(cls).append("> {\n")
                .append("    private static final Schema SCHEMA = Schema.of(t -> {\n")
                .append("        t.increments(\"id\");\n")
                .append("        // t.string(\"name\", 120);\n")
                .append("        t.timestamps();\n")
                .append("    });\n\n")
                .append("    @Override\n")
                .append("    public Schema schema() {\n")
                .append("        return SCHEMA;\n")
                .append("    }\n")
                .append("}\n");
        return write(target, cls, src, "register it in your EloquentApplication.models(builder): builder.register("
                + cls + ".class, " + cls + "::new); then make:migration create_" + tableName + "_table creates its table");
    }

    // ------------------------------------------------------------ migrations

    private static final Pattern CREATE = Pattern.compile("create_(\\w+?)(_table)?");
    private static final Pattern CHANGE = Pattern.compile("(?:add|drop|remove|change|rename)_(\\w+?)_(?:to|from|in|on)_(\\w+?)(_table)?");

    /**
     * A migration class named {@code M<yyyy_MM_dd_HHmmss>_<Name>}: its simple name is what the ledger records,
     * and the timestamp makes the files sort in the order they were made, which is the order to list them in.
     */
    public static Generated migration(Target target, String name, String create, String table, String connection,
                                      LocalDateTime now) {
        if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new UsageException("make:migration needs a name such as create_users_table or add_email_to_users_table,"
                    + " not: " + name);
        }
        String base = studly(name);
        if (Files.exists(target.file(base)) && isModel(target.file(base))) {
            throw new EloquentException("make:migration " + name + ": " + base + " is a model, but not one the"
                    + " application registers, so there is no schema to generate from: register it in"
                    + " EloquentApplication.models(builder), or give the migration a name, such as create_"
                    + tableName(base) + "_table");
        }
        String snake = snake(name);
        String creates = create;
        String alters = table;
        String column = "email";
        if (creates == null && alters == null) {
            Matcher m = CREATE.matcher(snake);
            if (m.matches()) {
                creates = m.group(1);
            } else {
                Matcher c = CHANGE.matcher(snake);
                if (c.matches()) {
                    column = c.group(1);
                    alters = c.group(2);
                }
            }
        }
        String cls = migrationClass(base, now);
        StringBuilder src = header(target, "dev.eloquent.orm.SchemaBuilder", "dev.eloquent.orm.migration.Migration");
        src.append("/**\n * Migration ").append(snake).append(". Its class name is what the ledger records: never rename it once applied.\n")
                .append(" * Add it at the END of your EloquentApplication.migrations() list (they apply in the order listed;\n")
                .append(" * the timestamp in the name keeps that order the order they were made in): new ").append(cls).append("()\n */\n")
                .append("public final class ").append(cls).append(" implements Migration {\n");
        if (connection != null) {
            src.append("    @Override\n    public String connection() {\n        return \"").append(connection)
                    .append("\"; // always this connection (its _test twin with --test)\n    }\n\n");
        }
        src.append("    @Override\n    public void up(SchemaBuilder schema) {\n");
        if (creates != null) {
            src.append("        schema.create(\"").append(creates).append("\", t -> {\n")
                    .append("            t.increments(\"id\");\n")
                    .append("            t.timestamps();\n")
                    .append("        });\n");
        } else if (alters != null) {
            src.append("        schema.table(\"").append(alters).append("\", t -> {\n")
                    .append("            // t.string(\"").append(column).append("\").nullable();\n")
                    .append("        });\n");
        } else {
            src.append("        // schema.create(\"...\", t -> { ... }) or schema.table(\"...\", t -> { ... })\n");
        }
        src.append("    }\n\n    @Override\n    public void down(SchemaBuilder schema) {\n");
        if (creates != null) {
            src.append("        schema.dropIfExists(\"").append(creates).append("\");\n");
        } else if (alters != null) {
            src.append("        schema.table(\"").append(alters).append("\", t -> {\n")
                    .append("            // t.dropColumn(\"").append(column).append("\");\n")
                    .append("        });\n");
        } else {
            src.append("        // undo what up did\n");
        }
        src.append("    }\n}\n");
        return write(target, cls, src, "add new " + cls + "() at the end of your EloquentApplication.migrations() list");
    }

    /** The timestamp convention of migration classes, {@code M<yyyy_MM_dd_HHmmss>_<Base>}, which sorts by time. */
    static String migrationClass(String base, LocalDateTime now) {
        return "M" + STAMP.format(now) + "_" + base;
    }

    /** Whether a class name follows {@link #migrationClass}'s convention. */
    static boolean isMigrationClass(String className) {
        return MIGRATION_CLASS.matcher(className).matches();
    }

    private static final Pattern MIGRATION_CLASS = Pattern.compile("M\\d{4}_\\d{2}_\\d{2}_\\d{6}_[A-Za-z0-9_$]+");

    private static boolean isModel(Path file) {
        try {
            String text = Files.readString(file);
            return text.contains("Model<");
        } catch (IOException e) {
            return false;
        }
    }

    // --------------------------------------------------------------- seeders

    public static Generated seeder(Target target, String name, String connection) {
        String cls = className(name, "make:seeder");
        StringBuilder src = header(target, "dev.eloquent.orm.seed.Seeder");
        src.append("/**\n * Seeder ").append(cls).append(": eloquent db:seed --class ").append(cls).append("\n")
                .append(" * Add it to your EloquentApplication.seeders() list (the first one is db:seed's default), or call it\n")
                .append(" * from another seeder: call(new ").append(cls).append("());\n */\n")
                .append("public final class ").append(cls).append(" extends Seeder {\n");
        if (connection != null) {
            src.append("    @Override\n    public String connection() {\n        return \"").append(connection)
                    .append("\"; // always this connection (its _test twin with --test)\n    }\n\n");
        }
        src.append("    @Override\n    public void run() {\n")
                .append("        // database().table(\"users\").insert(java.util.Map.of(\"name\", \"Ann\"));\n")
                .append("        // db().create(User.class, java.util.Map.of(\"name\", \"Ann\"));\n")
                .append("        // new UserFactory(db()).count(10).seed(42).createMany();\n")
                .append("    }\n}\n");
        return write(target, cls, src, "add new " + cls + "() to your EloquentApplication.seeders() list"
                + " (or call it from another seeder), then: eloquent db:seed --class " + cls);
    }

    // ------------------------------------------------------------- factories

    public static Generated factory(Target target, String name, String model) {
        String cls = className(name, "make:factory");
        String modelName = model != null ? className(model, "--model")
                : cls.endsWith("Factory") && cls.length() > "Factory".length() ? cls.substring(0, cls.length() - "Factory".length())
                : null;
        if (modelName == null) {
            throw new UsageException("make:factory " + name + ": name the model with --model (or call the factory <Model>Factory)");
        }
        StringBuilder src = header(target, "dev.eloquent.orm.Eloquent", "dev.eloquent.orm.seed.Factory",
                "net.datafaker.Faker", "java.util.LinkedHashMap", "java.util.Map");
        src.append("/**\n * Makes ").append(modelName).append(" models with fake data:\n")
                .append(" * new ").append(cls).append("(db).count(10).seed(42).createMany();  // in a seeder: new ")
                .append(cls).append("(db())\n */\n")
                .append("public final class ").append(cls).append(" extends Factory<").append(modelName).append("> {\n")
                .append("    public ").append(cls).append("(Eloquent db) {\n")
                .append("        super(db, ").append(modelName).append(".class);\n")
                .append("    }\n\n")
                .append("    @Override\n")
                .append("    protected Map<String, Object> definition(Faker faker) {\n")
                .append("        Map<String, Object> row = new LinkedHashMap<>();\n")
                .append("        // row.put(\"name\", faker.name().fullName());\n")
                .append("        return row;\n")
                .append("    }\n}\n");
        String hint = "use it from a seeder: new " + cls + "(db()).count(10).createMany()";
        if (!Files.exists(target.file(modelName))) {
            hint += " (note: no " + modelName + ".java in " + target.file(modelName).getParent()
                    + "; import the model if it lives elsewhere)";
        }
        return write(target, cls, src, hint);
    }

    // -------------------------------------------------------------- plumbing

    static StringBuilder header(Target target, String... imports) {
        StringBuilder src = new StringBuilder();
        if (!target.packageName().isEmpty()) {
            src.append("package ").append(target.packageName()).append(";\n\n");
        }
        java.util.List<String> sorted = java.util.Arrays.stream(imports).filter(java.util.Objects::nonNull)
                .sorted(java.util.Comparator.comparing((String i) -> i.startsWith("java.")).thenComparing(i -> i))
                .toList();
        boolean javaBlock = false;
        for (String i : sorted) {
            if (i.startsWith("java.") && !javaBlock && !sorted.get(0).equals(i)) {
                src.append('\n');
            }
            javaBlock = i.startsWith("java.");
            src.append("import ").append(i).append(";\n");
        }
        return src.append('\n');
    }

    static Generated write(Target target, String cls, StringBuilder source, String register) {
        Path file = target.file(cls);
        if (Files.exists(file) && !target.force()) {
            throw new EloquentException(file + " exists; not overwritten (add --force to replace it)");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.toString());
        } catch (IOException e) {
            throw new EloquentException("could not write " + file + ": " + e.getMessage());
        }
        return new Generated(file, cls, register);
    }
}
