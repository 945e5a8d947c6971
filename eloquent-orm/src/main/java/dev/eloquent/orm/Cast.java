package dev.eloquent.orm;

/**
 * How one attribute is seen by the application and how it is stored, declared once per model in
 * {@link Model#casts()}: {@code Map.of("status", Casts.enumByName(Status.class), "price", new MoneyCast())}.
 * The attribute holds the stored form (what a row read gives, what a write sends); {@link Model#get}
 * returns {@link #get} of it and {@link Model#set} stores {@link #set} of the value given, which the
 * column's value rules then check as any other value. Neither method is called with null: null stays null.
 * Built-in casts are in {@link Casts}. An exception message must not contain the value.
 *
 * @param <T> the type the application sees
 */
public interface Cast<T> {
    /** The application's value of a stored attribute (never null). */
    T get(Object stored);

    /** The attribute to store for a value the application gives (never null). */
    Object set(T value);
}
