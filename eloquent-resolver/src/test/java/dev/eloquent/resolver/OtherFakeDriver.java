package dev.eloquent.resolver;

/** A second provider that claims the name {@code fake} too, for the duplicate-name rule. */
public class OtherFakeDriver extends FakeDriver {
}
