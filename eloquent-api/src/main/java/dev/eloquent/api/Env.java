package dev.eloquent.api;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The configuration a process sees: the {@code .env} file overlaid by real environment variables.
 * Blank values count as absent, so {@code DB_PORT=} falls back to the default like a missing key.
 */
public interface Env {
    Optional<String> get(String key);

    /** Every key present, for diagnostics (values are not exposed through this). */
    Set<String> keys();

    static Env of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return new Env() {
            @Override
            public Optional<String> get(String key) {
                String value = copy.get(key);
                return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
            }

            @Override
            public Set<String> keys() {
                return copy.keySet();
            }
        };
    }
}
