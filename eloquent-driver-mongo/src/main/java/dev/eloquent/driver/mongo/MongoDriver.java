package dev.eloquent.driver.mongo;

import dev.eloquent.api.ConnectionSettings;
import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Driver;
import dev.eloquent.api.EnvBlock;

import java.util.List;

/**
 * Serves {@code mongo} and {@code mongo_test}. Keys: {@code MONGO_URI} / {@code MONGO_TEST_URI} (any
 * MongoDB connection string: credentials, replica sets and {@code mongodb+srv} are accepted; default
 * {@code mongodb://127.0.0.1:27017}) and {@code MONGO_DB} / {@code MONGO_TEST_DB} (the database; when
 * unset, the database named in the URI's path, else {@code eloquent} / {@code eloquent_test}).
 */
public final class MongoDriver implements Driver {
    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public List<String> envKeys() {
        return List.of(MongoSettings.URI, MongoSettings.DB);
    }

    @Override
    public ConnectionSettings settings(EnvBlock block) {
        return MongoSettings.read(block);
    }

    @Override
    public DatabaseConnection open(ConnectionSettings settings) {
        return MongoConnection.open((MongoSettings) settings);
    }
}
