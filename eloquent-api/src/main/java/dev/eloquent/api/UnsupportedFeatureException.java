package dev.eloquent.api;

/** The operation needs a {@link Capability} the connection's driver does not claim. */
public class UnsupportedFeatureException extends EloquentException {
    public UnsupportedFeatureException(Capability capability, String driverName) {
        super(capability.description() + " is not supported on " + driverName);
    }
}
