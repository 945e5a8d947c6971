package dev.eloquent.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts a packaged example as a separate JVM, as the README does (target/modules is the README's module
 * path), in a working folder of the test's choosing, with no env contract key inherited from the build.
 */
final class ExampleProcess {
    static final Path MODULES = Path.of("target/modules").toAbsolutePath();

    private ExampleProcess() {
    }

    /** The arguments that run a main class of dev.eloquent.examples from the module path. */
    static List<String> onModulePath(String mainClass) {
        return List.of("-p", MODULES.toString(), "-m", "dev.eloquent.examples/" + mainClass);
    }

    /** Runs java with these arguments and env additions; returns stdout and stderr together. */
    static Result run(Path workDir, List<String> launcherArgs, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(launcherArgs);
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        // The example must run on the defaults: no contract key may leak in from the build's environment.
        environment.keySet().removeIf(k -> k.startsWith("DB_") || k.startsWith("SQLITE_") || k.startsWith("PG_")
                || k.startsWith("MONGO_") || k.equals("APP_ENV"));
        environment.putAll(env);
        Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the example did not finish within 120 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    record Result(int exitCode, String output) {
    }
}
