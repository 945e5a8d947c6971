package dev.eloquent.resolver;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.Env;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds the {@link Env} a process sees: {@code .env} (optional) overlaid by the real environment. The
 * file's syntax is {@link EnvFileSyntax}'s: the dotenv conventions, with a byte order mark and quotes
 * handled the way editors and other dotenv tools write them.
 */
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
            String shown = file.toAbsolutePath().toString();
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (CharacterCodingException notUtf8) {
                throw new ConfigurationException(shown + " is not UTF-8 text: save it as UTF-8");
            } catch (IOException e) {
                throw new ConfigurationException(shown + " could not be read (" + e.getClass().getSimpleName() + ")");
            }
            merged.putAll(EnvFileSyntax.parse(text, shown));
        }
        merged.putAll(environment);
        return Env.of(merged);
    }
}
