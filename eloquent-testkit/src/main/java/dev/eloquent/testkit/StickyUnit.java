package dev.eloquent.testkit;

import dev.eloquent.api.ReadScope;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

import java.lang.reflect.Method;

/**
 * Runs each test method as one sticky unit of work ({@link ReadScope#sticky}): how the conformance kit
 * runs on a connection with read replicas without seeing replication lag. Inside a test, reads before
 * its connection's first write go to the replica; every read after it, to the primary, as an application
 * that opens a sticky scope per request would see. {@code @ExtendWith(StickyUnit.class)} on the kit's class.
 */
public final class StickyUnit implements InvocationInterceptor {
    @Override
    public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                    ExtensionContext extensionContext) throws Throwable {
        Throwable[] failure = new Throwable[1];
        ReadScope.sticky(() -> {
            try {
                invocation.proceed();
            } catch (Throwable t) {
                failure[0] = t;
            }
            return null;
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }
}
