package dev.eloquent.api;

import java.util.regex.Pattern;

/**
 * A connection name such as {@code pg} or {@code pg_test}: the driver it belongs to and whether it is
 * the driver's test twin. One rule for every driver, third-party ones included: the twin of
 * {@code X} is {@code X_test} and reads the {@code X_TEST_*} keys.
 */
public record ConnectionName(String driver, boolean test) {
    private static final String TEST_SUFFIX = "_test";
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9]*(_[a-z0-9]+)*");

    public ConnectionName {
        if (driver == null || !VALID.matcher(driver).matches() || driver.endsWith(TEST_SUFFIX)) {
            throw new ConfigurationException("'" + driver + "' is not a valid driver name: use lower-case letters,"
                    + " digits and underscores, not ending in _test");
        }
    }

    public static ConnectionName parse(String name) {
        String trimmed = name == null ? "" : name.trim();
        if (!VALID.matcher(trimmed).matches()) {
            throw new ConfigurationException("'" + name + "' is not a connection name: expected something like"
                    + " sqlite, sqlite_test, mysql or pg_test");
        }
        boolean test = trimmed.endsWith(TEST_SUFFIX);
        return new ConnectionName(test ? trimmed.substring(0, trimmed.length() - TEST_SUFFIX.length()) : trimmed, test);
    }

    public ConnectionName testTwin() {
        return new ConnectionName(driver, true);
    }

    @Override
    public String toString() {
        return test ? driver + TEST_SUFFIX : driver;
    }
}
