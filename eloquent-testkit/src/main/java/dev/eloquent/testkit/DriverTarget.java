package dev.eloquent.testkit;

import dev.eloquent.api.Env;

/**
 * What a driver's test class tells the kit: the env that points the driver's test connection at a
 * real database, the connection name to use, and the raw second path to that database.
 */
public interface DriverTarget {
    /** The env for test mode: it must configure {@code <connection>_test}. */
    Env env();

    /** The (non-test) connection name, such as {@code sqlite}; the kit runs in test mode on its twin. */
    String connection();

    /** The second path to the same database the test connection uses. */
    RawAccess raw();

    static DriverTarget of(Env env, String connection, RawAccess raw) {
        return new DriverTarget() {
            @Override
            public Env env() {
                return env;
            }

            @Override
            public String connection() {
                return connection;
            }

            @Override
            public RawAccess raw() {
                return raw;
            }
        };
    }
}
