package dev.eloquent.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The strict JSON checker: RFC 8259, plus what one of the databases cannot store (checked by hand
 * against MariaDB's JSON_VALID and PostgreSQL's jsonb; see {@link JsonText}).
 */
class JsonTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"1", "-0", "0.5e-3", "1E+2", "1e400", "\"a\"", "null", "true", "false", " [1] ", "[]",
            "{}", "{\"a\":1,\"a\":2}", "{\"a\":[1,2,{\"b\":null}]}", "\"\\ud83d\\ude80\"", "\"\uD83D\uDE80\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\"", "\t\r\n{ \"k\" : [ true , false ] }\n"})
    void acceptsJson(String text) {
        assertNull(JsonText.problem(text), text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "01", "1.", ".5", "-", "+1", "1e", "[1,]", "[1 2]", "{\"a\"}", "{a:1}", "{'a':1}",
            "\"unterminated", "\"\\x\"", "\"tab\tin\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
            "\"\uD800\"", "\"\\u0000\"", "[1]]", "nul", "True", "NaN", "Infinity", "[1]x", "{\"a\":1,}"})
    void refusesWhatIsNotStorableJsonOnEveryDriver(String text) {
        assertNotNull(JsonText.problem(text), text);
    }

    @Test
    void nestingIsLimitedToWhatMariaDbAccepts() {
        String ok = "[".repeat(JsonText.MAX_DEPTH) + "]".repeat(JsonText.MAX_DEPTH);
        String deep = "[".repeat(JsonText.MAX_DEPTH + 1) + "]".repeat(JsonText.MAX_DEPTH + 1);
        assertNull(JsonText.problem(ok));
        assertEquals("nested deeper than 31 levels at offset 31", JsonText.problem(deep));
        assertNotNull(JsonText.problem("[".repeat(100_000)), "no stack overflow on hostile input");
    }

    @Test
    void problemsNameThePositionNotTheText() {
        assertEquals("',' or '}' was expected at offset 22", JsonText.problem("{\"password\":\"hunter2\" x}"));
    }
}
