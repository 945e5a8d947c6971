package dev.eloquent.orm;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins a model to a named connection ({@code mysql}, {@code pg}, {@code sqlite}, {@code mongo}, or a
 * third-party driver's name). A pinned model always uses it (its {@code _test} twin in test mode); a
 * model without it follows {@code DB_CONNECTION}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Connection {
    String value();
}
