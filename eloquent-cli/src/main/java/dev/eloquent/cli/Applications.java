package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.EloquentApplication;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds the application the CLI works for: exactly one provider of {@link EloquentApplication}, on the
 * module path ({@code provides ... with ...}) or the class path ({@code META-INF/services}).
 */
public final class Applications {
    private Applications() {
    }

    public static EloquentApplication find() {
        return choose(load(ServiceLoader.load(EloquentApplication.class)));
    }

    static List<EloquentApplication> load(ServiceLoader<EloquentApplication> loader) {
        List<EloquentApplication> found = new ArrayList<>();
        try {
            loader.forEach(found::add);
        } catch (ServiceConfigurationError e) {
            throw new EloquentException("an " + EloquentApplication.class.getName() + " provider failed to load: "
                    + e.getMessage());
        }
        return found;
    }

    /** The one application, or a failure that says what to provide (none) or which to remove (several). */
    static EloquentApplication choose(List<EloquentApplication> found) {
        if (found.isEmpty()) {
            throw new EloquentException("no application found: provide the service " + EloquentApplication.class.getName()
                    + " (in module-info: provides " + EloquentApplication.class.getName() + " with <your class>;"
                    + " on the class path: a META-INF/services/" + EloquentApplication.class.getName()
                    + " file naming it) and put it on the path next to eloquent-cli");
        }
        if (found.size() > 1) {
            throw new EloquentException("more than one application found: " + String.join(", ",
                    found.stream().map(a -> a.getClass().getName()).toList()) + "; keep exactly one provider of "
                    + EloquentApplication.class.getName() + " on the path");
        }
        return found.get(0);
    }
}
