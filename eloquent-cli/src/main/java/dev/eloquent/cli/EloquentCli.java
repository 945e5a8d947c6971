package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

import java.io.PrintWriter;

/**
 * The {@code eloquent} command. Exit codes: 0 done, 1 failed, 2 the command line means nothing, 3 {@code
 * migrate:status --verify} found differences between the models, the migrations and the database. A failure
 * prints its message only; {@code --verbose} adds the stack trace.
 */
@Command(name = "eloquent", mixinStandardHelpOptions = true, version = "eloquent 0.1.0",
        description = "Migrations, seeders, generators and diagnostics for the application that provides"
                + " dev.eloquent.orm.EloquentApplication.",
        subcommands = {
                MigrateCommands.Run.class, MigrateCommands.Rollback.class, MigrateCommands.Status.class,
                MigrateCommands.Fresh.class, MigrateCommands.Reset.class,
                SeedCommands.Seed.class, SeedCommands.Fresh.class, SeedCommands.Precheck.class,
                ShowCommand.class,
                MakeCommands.MakeModel.class, MakeCommands.MakeMigration.class, MakeCommands.MakeSeeder.class,
                MakeCommands.MakeFactory.class, AutoComplete.GenerateCompletion.class})
public final class EloquentCli implements Runnable {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** migrate:status --verify: the database, the migrations and the models are not in step (each difference printed). */
    public static final int DIFFERS = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        // Drivers log through SLF4J (HikariCP, MongoDB); the CLI prints its own progress and shows warnings only.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, printing to these writers; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (verbose(parseResult)) {
                e.printStackTrace(err);
            } else if (e instanceof EloquentException) {
                err.println("error: " + e.getMessage());
            } else {
                // Not one of ours: its message may quote a value, so only its type is named.
                err.println("error: unexpected " + e.getClass().getName() + " (run again with --verbose for details)");
            }
            err.flush();
            return e instanceof UsageException ? USAGE : FAILED;
        });
        return cli.execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new EloquentCli());
        cli.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cli;
    }

    private static boolean verbose(ParseResult result) {
        for (ParseResult r = result; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
