package dev.eloquent.resolver;

import dev.eloquent.api.ConfigurationException;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Driver;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The drivers found on the module path or class path. A provider that fails to load is recorded and
 * reported but does not hide the others; two providers claiming one name are refused, naming both.
 */
public final class DriverRegistry {
    /** Bounds the retries after broken providers, in case a ServiceLoader cannot move past one. */
    private static final int MAX_FAILURES = 100;

    private final Map<String, Driver> drivers;
    private final List<String> failures;

    private DriverRegistry(Map<String, Driver> drivers, List<String> failures) {
        this.drivers = Collections.unmodifiableMap(drivers);
        this.failures = List.copyOf(failures);
    }

    /** Finds drivers the way the platform does for this module: its layer on the module path, else the class path. */
    public static DriverRegistry discover() {
        return discover(ServiceLoader.load(Driver.class));
    }

    public static DriverRegistry discover(ClassLoader loader) {
        return discover(ServiceLoader.load(Driver.class, loader));
    }

    public static DriverRegistry discover(ModuleLayer layer) {
        return discover(ServiceLoader.load(layer, Driver.class));
    }

    /** A registry of exactly these drivers, for tests and for applications that wire drivers by hand. */
    public static DriverRegistry of(Driver... drivers) {
        return collect(List.of(drivers).iterator(), new ArrayList<>());
    }

    private static DriverRegistry discover(ServiceLoader<Driver> loader) {
        List<String> failures = new ArrayList<>();
        List<Driver> found = new ArrayList<>();
        Iterator<Driver> providers = loader.iterator();
        while (failures.size() < MAX_FAILURES) {
            try {
                if (!providers.hasNext()) {
                    break;
                }
                found.add(providers.next());
            } catch (ServiceConfigurationError broken) {
                failures.add(describe(broken));
            }
        }
        return collect(found.iterator(), failures);
    }

    private static DriverRegistry collect(Iterator<Driver> found, List<String> failures) {
        Map<String, Driver> byName = new TreeMap<>();
        while (found.hasNext()) {
            Driver driver = found.next();
            String name;
            try {
                name = new ConnectionName(driver.name(), false).driver();
            } catch (RuntimeException badName) {
                failures.add(driver.getClass().getName() + ": " + badName.getMessage());
                continue;
            }
            Driver previous = byName.putIfAbsent(name, driver);
            if (previous != null) {
                throw new ConfigurationException("two drivers claim the name '" + name + "': "
                        + previous.getClass().getName() + " and " + driver.getClass().getName()
                        + "; remove one of their jars from the path");
            }
        }
        return new DriverRegistry(byName, failures);
    }

    private static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(String.valueOf(error.getMessage()));
        for (Throwable cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" <- ").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage());
        }
        return text.toString();
    }

    /**
     * The driver serving a connection name, or an error listing what is on the path and what to do: use
     * the driver that serves that database under another name (mariadb is mysql), or add one.
     */
    public Driver driverFor(ConnectionName name) {
        Driver driver = drivers.get(name.driver());
        if (driver != null) {
            return driver;
        }
        StringBuilder message = new StringBuilder("no driver for connection '").append(name).append("'. ");
        Driver serving = servingUnderAnotherName(name.driver());
        if (serving != null) {
            ConnectionName instead = new ConnectionName(serving.name(), name.test());
            message.append("The ").append(serving.name()).append(" driver serves ").append(name.driver())
                    .append(": name the connection '").append(instead).append("' instead (its keys are ")
                    .append(serving.envPrefix()).append(name.test() ? "_TEST_*" : "_*").append(").");
        } else {
            message.append(drivers.isEmpty() ? "No drivers are on the path"
                    : "The drivers on the path offer: " + String.join(", ", connectionNames()) + otherNames());
            message.append(". Add dev.eloquent:eloquent-driver-").append(name.driver())
                    .append(" (or the third-party driver named '").append(name.driver()).append("') to the path.");
        }
        if (!failures.isEmpty()) {
            message.append(" Providers that failed to load: ").append(String.join("; ", failures));
        }
        throw new ConfigurationException(message.toString());
    }

    private Driver servingUnderAnotherName(String name) {
        for (Driver driver : drivers.values()) {
            if (driver.alsoServes().contains(name)) {
                return driver;
            }
        }
        return null;
    }

    /** " (mysql also serves mariadb)", or empty when no driver declares other names. */
    private String otherNames() {
        List<String> notes = new ArrayList<>();
        drivers.forEach((name, driver) -> {
            if (!driver.alsoServes().isEmpty()) {
                notes.add(name + " also serves " + String.join(", ", driver.alsoServes()));
            }
        });
        return notes.isEmpty() ? "" : " (" + String.join("; ", notes) + ")";
    }

    public Map<String, Driver> drivers() {
        return drivers;
    }

    /** Every connection name the discovered drivers offer: each driver's name and its test twin. */
    public List<String> connectionNames() {
        return drivers.keySet().stream()
                .flatMap(n -> java.util.stream.Stream.of(n, n + "_test"))
                .collect(Collectors.toList());
    }

    /** Providers that were found but could not be loaded, with the reason each. */
    public List<String> failures() {
        return failures;
    }
}
