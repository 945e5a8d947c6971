package dev.eloquent.api;

/**
 * A strict JSON checker (RFC 8259), JDK only, so that a json column refuses the same text on every
 * driver: SQLite and MongoDB would store anything, MySQL, MariaDB and PostgreSQL each refuse a slightly
 * different set. Beyond the RFC it refuses what one of them cannot store, so that nothing passes here
 * and then fails on one database only:
 * <ul>
 *   <li>{@code \u0000} escapes (PostgreSQL's jsonb refuses them);</li>
 *   <li>unpaired surrogates, escaped or raw (PostgreSQL refuses them, and they are not UTF-8);</li>
 *   <li>nesting deeper than {@value #MAX_DEPTH} arrays/objects (MariaDB's {@code JSON_VALID} limit).</li>
 * </ul>
 * Problems are reported by position and kind, never by quoting the text.
 */
final class JsonText {
    static final int MAX_DEPTH = 31;

    private final String text;
    private int position;
    private int depth;

    private JsonText(String text) {
        this.text = text;
    }

    /** Null when the text is valid, else what is wrong and where (a character offset). */
    static String problem(String text) {
        JsonText parser = new JsonText(text);
        try {
            parser.whitespace();
            parser.value();
            parser.whitespace();
            if (parser.position < text.length()) {
                throw parser.fail("unexpected text after the JSON value");
            }
            return null;
        } catch (Problem p) {
            return p.getMessage();
        }
    }

    /** Thrown inside the parser only; carries no stack trace and no part of the text. */
    private static final class Problem extends RuntimeException {
        Problem(String message) {
            super(message, null, false, false);
        }
    }

    private Problem fail(String what) {
        return new Problem(what + " at offset " + position);
    }

    private void value() {
        if (position >= text.length()) {
            throw fail("a value was expected");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    number();
                } else {
                    throw fail("a value was expected");
                }
            }
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw fail("nested deeper than " + MAX_DEPTH + " levels");
        }
        position++;
    }

    private void object() {
        enter();
        whitespace();
        if (peek() == '}') {
            position++;
            depth--;
            return;
        }
        while (true) {
            whitespace();
            if (peek() != '"') {
                throw fail("a quoted member name was expected");
            }
            string();
            whitespace();
            expect(':');
            whitespace();
            value();
            whitespace();
            char c = peek();
            if (c == ',') {
                position++;
            } else if (c == '}') {
                position++;
                depth--;
                return;
            } else {
                throw fail("',' or '}' was expected");
            }
        }
    }

    private void array() {
        enter();
        whitespace();
        if (peek() == ']') {
            position++;
            depth--;
            return;
        }
        while (true) {
            whitespace();
            value();
            whitespace();
            char c = peek();
            if (c == ',') {
                position++;
            } else if (c == ']') {
                position++;
                depth--;
                return;
            } else {
                throw fail("',' or ']' was expected");
            }
        }
    }

    private void string() {
        position++;
        while (true) {
            if (position >= text.length()) {
                throw fail("an unterminated string");
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return;
            }
            if (c < 0x20) {
                throw fail("a control character must be escaped");
            }
            if (c == '\\') {
                escape();
            } else if (Character.isHighSurrogate(c)) {
                if (position + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(position + 1))) {
                    throw fail("an unpaired surrogate");
                }
                position += 2;
            } else if (Character.isLowSurrogate(c)) {
                throw fail("an unpaired surrogate");
            } else {
                position++;
            }
        }
    }

    private void escape() {
        position++;
        char c = peek();
        switch (c) {
            case '"', '\\', '/', 'b', 'f', 'n', 'r', 't' -> position++;
            case 'u' -> {
                position++;
                char unit = hex4();
                if (unit == 0) {
                    throw fail("\\u0000 is refused (PostgreSQL cannot store it)");
                }
                if (Character.isHighSurrogate(unit)) {
                    if (!text.startsWith("\\u", position)) {
                        throw fail("an unpaired surrogate escape");
                    }
                    position += 2;
                    if (!Character.isLowSurrogate(hex4())) {
                        throw fail("an unpaired surrogate escape");
                    }
                } else if (Character.isLowSurrogate(unit)) {
                    throw fail("an unpaired surrogate escape");
                }
            }
            default -> throw fail("an invalid escape");
        }
    }

    private char hex4() {
        if (position + 4 > text.length()) {
            throw fail("four hex digits were expected");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                throw fail("four hex digits were expected");
            }
            value = value * 16 + digit;
        }
        position += 4;
        return (char) value;
    }

    private void number() {
        if (peek() == '-') {
            position++;
        }
        char first = peek();
        if (first == '0') {
            position++;
        } else if (first >= '1' && first <= '9') {
            digits();
        } else {
            throw fail("a digit was expected");
        }
        if (peek() == '.') {
            position++;
            requireDigits();
        }
        char e = peek();
        if (e == 'e' || e == 'E') {
            position++;
            char sign = peek();
            if (sign == '+' || sign == '-') {
                position++;
            }
            requireDigits();
        }
    }

    private void requireDigits() {
        char c = peek();
        if (c < '0' || c > '9') {
            throw fail("a digit was expected");
        }
        digits();
    }

    private void digits() {
        while (position < text.length() && text.charAt(position) >= '0' && text.charAt(position) <= '9') {
            position++;
        }
    }

    private void literal(String word) {
        if (!text.startsWith(word, position)) {
            throw fail("a value was expected");
        }
        position += word.length();
    }

    private void expect(char c) {
        if (peek() != c) {
            throw fail("'" + c + "' was expected");
        }
        position++;
    }

    /** The current character, or NUL at the end (NUL never appears unescaped in valid JSON). */
    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void whitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                position++;
            } else {
                return;
            }
        }
    }
}
