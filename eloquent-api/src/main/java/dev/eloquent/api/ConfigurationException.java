package dev.eloquent.api;

/** Bad or missing configuration: the message names the env key (or setting) to fix. */
public class ConfigurationException extends EloquentException {
    public ConfigurationException(String message) {
        super(message);
    }
}
