package dev.eloquent.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which connections a command acts on: the product's targeting contract (issue 9), with no I/O so it
 * can be tested alone. Names are the non-test names ({@code pg}); test mode maps them to their twins
 * where the connections are opened.
 * <ul>
 *   <li>no flag: the default connection ({@code DB_CONNECTION}, or {@code DB_TEST_CONNECTION} with --test);</li>
 *   <li>one of --mysql, --pg, --sqlite: that connection; two or more: a usage error;</li>
 *   <li>--all-connections: every SQL connection whose driver is on the path, never MongoDB;</li>
 *   <li>--mongo: MongoDB, which nothing else ever includes.</li>
 * </ul>
 */
public final class Targeting {
    /** The SQL drivers the flags name; --all-connections is made of these, never of mongo. */
    public static final List<String> SQL_DRIVERS = List.of("mysql", "pg", "sqlite");
    public static final String MONGO = "mongo";

    private Targeting() {
    }

    /** The flags as given on the command line. */
    public record Flags(boolean mysql, boolean pg, boolean sqlite, boolean mongo, boolean allConnections) {
        public static Flags none() {
            return new Flags(false, false, false, false, false);
        }
    }

    /**
     * @param defaultConnection the driver of the default connection (what DB_CONNECTION, or
     *                          DB_TEST_CONNECTION in test mode, names), without its {@code _test} suffix
     * @param driversOnPath     the names of the drivers found on the path
     */
    public static List<String> connections(Flags flags, String defaultConnection, Set<String> driversOnPath) {
        List<String> named = checkFlags(flags);
        List<String> targets = new ArrayList<>();
        if (flags.allConnections()) {
            SQL_DRIVERS.stream().filter(driversOnPath::contains).forEach(targets::add);
            if (targets.isEmpty()) {
                throw new UsageException("--all-connections found no SQL driver on the path (looked for "
                        + String.join(", ", SQL_DRIVERS) + "); add eloquent-driver-<name> to the path");
            }
        } else {
            targets.addAll(named);
        }
        if (flags.mongo()) {
            targets.add(MONGO);
        }
        if (targets.isEmpty()) {
            targets.add(defaultConnection);
        }
        for (String target : targets) {
            if (!driversOnPath.contains(target)) {
                throw new UsageException("no driver for connection '" + target + "' is on the path (found: "
                        + String.join(", ", driversOnPath.stream().sorted().toList())
                        + "); add dev.eloquent:eloquent-driver-" + target);
            }
        }
        return List.copyOf(targets);
    }

    /** The driver flags given, after refusing combinations that mean nothing; needs no env. */
    public static List<String> checkFlags(Flags flags) {
        List<String> named = new ArrayList<>();
        if (flags.mysql()) {
            named.add("mysql");
        }
        if (flags.pg()) {
            named.add("pg");
        }
        if (flags.sqlite()) {
            named.add("sqlite");
        }
        if (named.size() > 1) {
            throw new UsageException("choose one of --mysql, --pg, --sqlite (got " + flagList(named)
                    + "), or use --all-connections for every SQL connection");
        }
        if (flags.allConnections() && !named.isEmpty()) {
            throw new UsageException("--all-connections already covers " + flagList(named)
                    + ": give one or the other");
        }
        return named;
    }

    private static String flagList(List<String> names) {
        return String.join(" ", names.stream().map(n -> "--" + n).toList());
    }
}
