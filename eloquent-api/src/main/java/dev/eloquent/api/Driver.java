package dev.eloquent.api;

/**
 * The driver SPI, found with {@link java.util.ServiceLoader}. A driver answers three questions: its name,
 * how to read its env block into settings (no I/O), and how to open a connection from them. Being on the
 * module path never activates a driver; only a connection name that points at it does. New methods
 * arrive as {@code default} methods so that existing drivers keep working.
 */
public interface Driver {
    /** The connection name this driver serves; it serves the test twin {@code name()_test} too. */
    String name();

    /**
     * Names people use for the databases this driver serves that are not its connection name, such as
     * {@code mariadb} for {@code mysql}. They are not connection names: a connection named after one fails
     * saying which name to use, and the unknown-name error lists them.
     */
    default java.util.List<String> alsoServes() {
        return java.util.List.of();
    }

    /** The env key prefix of this driver's block: {@code DB} reads {@code DB_HOST} and {@code DB_TEST_HOST}. */
    default String envPrefix() {
        return name().toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The suffixes of the keys this driver reads ({@code HOST}, {@code PORT}, ...), for diagnostics that
     * list keys no driver reads.
     */
    default java.util.List<String> envKeys() {
        return java.util.List.of();
    }

    /** Reads and validates the block; throws {@link ConfigurationException} naming the key. No I/O. */
    ConnectionSettings settings(EnvBlock block);

    /** Opens the connection; throws {@link ConnectionException} naming the connection, never a secret. */
    DatabaseConnection open(ConnectionSettings settings);

    /** The Maven coordinates to add for this driver, named in "driver not found" messages. */
    default String artifact() {
        return "dev.eloquent:eloquent-driver-" + name();
    }
}
