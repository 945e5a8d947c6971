package dev.eloquent.orm;

import com.fasterxml.jackson.jr.ob.JSON;
import dev.eloquent.api.EloquentException;

import java.io.IOException;

/**
 * JSON text in and out, through jackson-jr (a maintained parser and printer, an explicit JPMS module):
 * json casts and model serialization. Only maps, lists, strings, numbers, booleans and null are printed;
 * {@link Serialization} turns everything else into those first, so no bean is ever introspected.
 */
final class Json {
    // Nulls are printed (a null attribute is part of the model's JSON), map order is kept, and anything
    // but the plain JSON types fails instead of being printed through reflection.
    private static final JSON JSON_TEXT = JSON.std
            .with(JSON.Feature.WRITE_NULL_PROPERTIES, JSON.Feature.PRESERVE_FIELD_ORDERING,
                    JSON.Feature.FAIL_ON_UNKNOWN_TYPE_WRITE, JSON.Feature.FAIL_ON_DUPLICATE_MAP_KEYS)
            .without(JSON.Feature.HANDLE_JAVA_BEANS);

    private Json() {
    }

    /** The value of JSON text: a Map, a List, a String, a Number, a Boolean or null. The message never quotes the text. */
    static Object parse(String text) {
        try {
            return JSON_TEXT.anyFrom(text);
        } catch (IOException | RuntimeException e) {
            throw new EloquentException("not valid JSON text (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The JSON text of a value made of maps, lists, strings, numbers, booleans and nulls. */
    static String print(Object value) {
        try {
            return JSON_TEXT.asString(value);
        } catch (IOException | RuntimeException e) {
            throw new EloquentException("cannot print a " + value.getClass().getSimpleName() + " as JSON: "
                    + "only maps, lists, strings, numbers, booleans and null are printed");
        }
    }
}
