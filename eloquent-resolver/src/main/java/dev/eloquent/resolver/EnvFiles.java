package dev.eloquent.resolver;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.Env;
import io.github.cdimascio.dotenv.Dotenv;
import io.github.cdimascio.dotenv.DotenvEntry;
import io.github.cdimascio.dotenv.DotenvException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** Builds the {@link Env} a process sees: {@code .env} (optional) overlaid by the real environment. */
public final class EnvFiles {
    public static final String FILE_NAME = ".env";

    private EnvFiles() {
    }

    /** {@code .env} in the working directory, overlaid by {@link System#getenv()}. */
    public static Env load() {
        return load(Path.of(""), System.getenv());
    }

    /**
     * {@code .env} in {@code directory} (a missing file is fine: the defaults apply), overlaid by
     * {@code environment}, whose values win.
     */
    public static Env load(Path directory, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>();
        Path file = directory.resolve(FILE_NAME);
        if (Files.isRegularFile(file)) {
            try {
                Dotenv dotenv = Dotenv.configure()
                        .directory(directory.toAbsolutePath().toString())
                        .filename(FILE_NAME)
                        .load();
                for (DotenvEntry entry : dotenv.entries(Dotenv.Filter.DECLARED_IN_ENV_FILE)) {
                    merged.put(entry.getKey(), entry.getValue());
                }
            } catch (DotenvException e) {
                // dotenv's message quotes the bad line, which may hold a password: name the file only.
                throw new ConfigurationException(file.toAbsolutePath() + " could not be read: check that every"
                        + " line is KEY=value, # comment, or blank");
            }
        }
        merged.putAll(environment);
        return Env.of(merged);
    }
}
