package dev.eloquent.resolver;

/** A well-behaved provider named {@code second}. */
public class SecondFakeDriver extends FakeDriver {
    public SecondFakeDriver() {
        super("second");
    }
}
