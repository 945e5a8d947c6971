package dev.eloquent.cli;

import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.EloquentApplication;

import java.io.PrintWriter;
import java.util.List;
import java.util.function.Consumer;

/**
 * One command's run: the application, an ORM instance booted from the working directory's env (test mode
 * with --test) with the application's models, and the connections the flags target.
 */
final class Session implements AutoCloseable {
    final EloquentApplication application;
    final Eloquent db;
    final List<String> targets;
    final TargetOptions options;
    final PrintWriter out;

    private Session(EloquentApplication application, Eloquent db, List<String> targets, TargetOptions options,
                    PrintWriter out) {
        this.application = application;
        this.db = db;
        this.targets = targets;
        this.options = options;
        this.out = out;
    }

    static Session open(TargetOptions options, PrintWriter out) {
        // The flags are checked before anything boots, so a usage error never depends on the env.
        Targeting.checkFlags(options.flags());
        EloquentApplication application = Applications.find();
        Eloquent.Builder builder = Eloquent.builder().testMode(options.test);
        application.models(builder);
        Eloquent db = builder.boot();
        try {
            List<String> targets = Targeting.connections(options.flags(), db.connections().defaultName().driver(),
                    db.connections().drivers().drivers().keySet());
            return new Session(application, db, targets, options, out);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** What a connection means in this run: {@code pg}, or {@code pg_test} with --test. */
    String shown(String target) {
        return db.connections().resolve(target).toString();
    }

    boolean production() {
        return db.connections().production();
    }

    boolean allowedInProduction() {
        return db.connections().env().get(ProductionGuard.ALLOW_KEY).map("true"::equalsIgnoreCase).orElse(false);
    }

    /** Guards a destructive command (see {@link ProductionGuard}); asks on the console when there is one. */
    void guard(String command, String what) {
        java.io.Console console = System.console();
        ProductionGuard.check(command, what, production(), allowedInProduction(), options.force, options.yes,
                console == null ? null : question -> {
                    String answer = console.readLine("%s", question);
                    return answer != null && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
                });
    }

    Consumer<String> progress() {
        return line -> {
            out.println(line);
            out.flush();
        };
    }

    @Override
    public void close() {
        db.close();
    }
}
