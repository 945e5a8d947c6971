package dev.eloquent.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command tree, exit codes and error printing, in process (no application is on this path). */
class CommandLineTest {
    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = EloquentCli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[]{"migrate:run", "migrate:rollback", "migrate:status", "migrate:fresh",
                "migrate:reset", "db:seed", "db:seed:fresh", "db:seed:precheck", "db:show", "generate-completion"}) {
            Outcome outcome = run(command, "--help");
            assertEquals(0, outcome.code(), command + ": " + outcome.err());
            assertTrue(outcome.out().contains("Usage: eloquent " + command), outcome.out());
        }
        Outcome top = run("--help");
        assertTrue(top.out().contains("migrate:rollback") && top.out().contains("db:seed:precheck"), top.out());
    }

    @Test
    void migrateCommandsAcceptTheirOptionsAndSeedHasClass() {
        assertTrue(run("migrate:rollback", "--help").out().contains("--step"));
        assertTrue(run("migrate:rollback", "--help").out().contains("--all-migrations"));
        assertTrue(run("migrate:run", "--help").out().contains("--pretend"));
        assertTrue(run("migrate:status", "--help").out().contains("--all-connections"));
        assertTrue(run("db:seed", "--help").out().contains("--class"));
    }

    @Test
    void twoDriverFlagsExitWithTwoAndNoStackTrace() {
        Outcome outcome = run("migrate:run", "--mysql", "--pg");
        assertEquals(EloquentCli.USAGE, outcome.code(), outcome.err());
        assertTrue(outcome.err().contains("choose one of --mysql, --pg, --sqlite"), outcome.err());
        assertTrue(outcome.err().contains("--all-connections"), outcome.err());
        assertFalse(outcome.err().contains("\tat "), outcome.err());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Outcome outcome = run("migrate:run", "--postgres");
        assertEquals(EloquentCli.USAGE, outcome.code());
        assertTrue(outcome.err().contains("--postgres"), outcome.err());
    }

    @Test
    void aFailurePrintsItsMessageAndExitsWithOneAndVerboseAddsTheTrace() {
        Outcome plain = run("migrate:status");
        assertEquals(EloquentCli.FAILED, plain.code(), plain.err());
        assertTrue(plain.err().startsWith("error: no application found"), plain.err());
        assertFalse(plain.err().contains("\tat "), plain.err());
        Outcome verbose = run("migrate:status", "--verbose");
        assertEquals(EloquentCli.FAILED, verbose.code());
        assertTrue(verbose.err().contains("\tat ") && verbose.err().contains("dev.eloquent.cli.Applications.choose("), verbose.err());
    }

    @Test
    void theCompletionScriptIsGenerated() {
        Outcome outcome = run("generate-completion");
        assertEquals(0, outcome.code(), outcome.err());
        assertTrue(outcome.out().contains("complete -F") && outcome.out().contains("migrate:rollback"), outcome.out());
    }
}
