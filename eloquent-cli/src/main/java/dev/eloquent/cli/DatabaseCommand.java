package dev.eloquent.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command that works on the targeted connections of the application; subclasses say what it does. */
abstract class DatabaseCommand implements Callable<Integer> {
    @Mixin
    TargetOptions target;

    @Spec
    CommandSpec spec;

    /** What the command returns when it ran to the end; a command that found something wrong sets it. */
    int exitCode = EloquentCli.OK;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Session session = Session.open(target, out)) {
            run(session);
        } finally {
            out.flush();
        }
        return exitCode;
    }

    abstract void run(Session session);
}
