package dev.eloquent.cli;

import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EloquentException;
import dev.eloquent.resolver.Connections;
import dev.eloquent.resolver.Diagnostics;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * db:show: what the CLI sees, without opening a connection: the drivers (module and version), every
 * connection they offer with its settings (credentials redacted by the drivers' describe()), the defaults
 * and the env keys that change nothing.
 */
@Command(name = "db:show", mixinStandardHelpOptions = true,
        description = "Show the drivers found, the configured connections (credentials redacted), the defaults"
                + " and the ignored env keys.")
final class ShowCommand extends DatabaseCommand {
    @Override
    void run(Session session) {
        show(session.db.connections(), session.out);
    }

    static void show(Connections connections, PrintWriter out) {
        out.println("APP_ENV: " + connections.env().get(Connections.APP_ENV).orElse("local")
                + (connections.testMode() ? " (test mode)" : ""));
        out.println("drivers:");
        for (Driver driver : connections.drivers().drivers().values()) {
            Module module = driver.getClass().getModule();
            String version = module.getDescriptor() != null && module.getDescriptor().rawVersion().isPresent()
                    ? module.getDescriptor().rawVersion().get()
                    : String.valueOf(driver.getClass().getPackage().getImplementationVersion());
            out.println("  " + driver.name() + ": " + (module.isNamed() ? "module " + module.getName() : "class path")
                    + ", version " + version);
        }
        connections.drivers().failures().forEach(f -> out.println("  failed to load: " + f));
        out.println("connections:");
        for (Driver driver : connections.drivers().drivers().values()) {
            for (ConnectionName name : new ConnectionName[]{new ConnectionName(driver.name(), false),
                    new ConnectionName(driver.name(), true)}) {
                String settings;
                try {
                    settings = connections.settings(name).describe();
                } catch (EloquentException e) {
                    settings = "not usable: " + e.getMessage();
                }
                out.println("  " + name + ": " + settings);
            }
        }
        out.println("default (" + Connections.DB_CONNECTION + "): "
                + connections.env().get(Connections.DB_CONNECTION).orElse("sqlite"));
        out.println("test default (" + Connections.DB_TEST_CONNECTION + "): "
                + connections.env().get(Connections.DB_TEST_CONNECTION).orElse("sqlite_test"));
        var ignored = new Diagnostics(connections).ignoredKeys();
        out.println("ignored env keys: " + (ignored.isEmpty() ? "none" : String.join(", ", ignored)));
    }
}
