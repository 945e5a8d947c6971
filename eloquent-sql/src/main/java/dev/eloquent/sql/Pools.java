package dev.eloquent.sql;

import com.zaxxer.hikari.HikariConfig;

import java.util.Map;

/** The HikariCP settings the primary's pool and the read replicas' pools share, in one place. */
final class Pools {
    private Pools() {
    }

    /**
     * A pool of connections to {@code jdbcUrl} with the user, password and size of the settings, waiting
     * at most {@code connectTimeoutSeconds} for a connection. The caller decides what happens at start.
     */
    static HikariConfig config(String poolName, String jdbcUrl, PoolSettings settings, Map<String, String> properties,
                               int connectTimeoutSeconds) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(poolName);
        config.setJdbcUrl(jdbcUrl);
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (!settings.password().isEmpty()) {
            config.setPassword(settings.password().reveal());
        }
        properties.forEach(config::addDataSourceProperty);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(Math.min(1, settings.poolSize()));
        long timeoutMillis = connectTimeoutSeconds * 1000L;
        config.setConnectionTimeout(Math.max(250, timeoutMillis));
        config.setValidationTimeout(Math.max(250, Math.min(timeoutMillis, 5_000)));
        return config;
    }
}
