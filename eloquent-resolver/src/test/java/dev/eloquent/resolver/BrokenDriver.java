package dev.eloquent.resolver;

/** A provider whose constructor throws, as a driver with a missing dependency would while loading. */
public class BrokenDriver extends FakeDriver {
    public BrokenDriver() {
        super("broken");
        throw new IllegalStateException("broken on purpose");
    }
}
