package dev.eloquent.resolver;

import dev.eloquent.api.ConfigurationException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The {@code .env} syntax that dotenv tools share (Laravel's, Node's and Python's dotenv):
 * <ul>
 *   <li>{@code KEY=value} lines, optionally prefixed with {@code export}; blank lines and {@code #} comments;
 *   a leading UTF-8 byte order mark is ignored (editors on Windows write one);</li>
 *   <li>unquoted values are trimmed, and a {@code #} after whitespace starts a comment ({@code a#b} stays);</li>
 *   <li>{@code 'single quotes'} hold text as written; {@code "double quotes"} understand {@code \n},
 *   {@code \r}, {@code \t}, {@code \"} and {@code \\}; after the closing quote only a comment may follow;</li>
 *   <li>a key given twice takes its last value.</li>
 * </ul>
 * A malformed line fails naming the file and the line number, never the line, which may hold a password.
 */
final class EnvFileSyntax {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");
    private static final Pattern EXPORT = Pattern.compile("export\\s+");
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final String file;
    private int lineNumber;

    private EnvFileSyntax(String file) {
        this.file = file;
    }

    /** The keys and values of the file's text, in file order; {@code file} names it in messages. */
    static Map<String, String> parse(String text, String file) {
        return new EnvFileSyntax(file).parse(text);
    }

    private Map<String, String> parse(String text) {
        String content = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : content.split("\r\n|\r|\n", -1)) {
            lineNumber++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            var export = EXPORT.matcher(trimmed);
            if (export.lookingAt()) {
                trimmed = trimmed.substring(export.end());
            }
            int equals = trimmed.indexOf('=');
            if (equals < 0) {
                throw malformed("is not KEY=value");
            }
            String key = trimmed.substring(0, equals).strip();
            if (!KEY.matcher(key).matches()) {
                throw malformed("has a key that is not letters, digits, underscores and dots (not starting with a digit or dot)");
            }
            values.put(key, value(trimmed.substring(equals + 1).stripLeading()));
        }
        return values;
    }

    private String value(String raw) {
        if (raw.startsWith("'")) {
            int close = raw.indexOf('\'', 1);
            if (close < 0) {
                throw malformed("opens a ' quote that it does not close");
            }
            requireOnlyComment(raw.substring(close + 1));
            return raw.substring(1, close);
        }
        if (raw.startsWith("\"")) {
            return doubleQuoted(raw);
        }
        return withoutComment(raw).strip();
    }

    private String doubleQuoted(String raw) {
        StringBuilder value = new StringBuilder();
        for (int i = 1; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                requireOnlyComment(raw.substring(i + 1));
                return value.toString();
            }
            if (c == '\\' && i + 1 < raw.length()) {
                char next = raw.charAt(++i);
                switch (next) {
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case '"', '\\' -> value.append(next);
                    // Any other backslash is kept as written (Windows paths: "C:\data").
                    default -> value.append('\\').append(next);
                }
            } else {
                value.append(c);
            }
        }
        throw malformed("opens a \" quote that it does not close");
    }

    /** A {@code #} at the start or after whitespace begins a comment; one inside a word does not. */
    private static String withoutComment(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && (i == 0 || Character.isWhitespace(raw.charAt(i - 1)))) {
                return raw.substring(0, i);
            }
        }
        return raw;
    }

    private void requireOnlyComment(String rest) {
        String trimmed = rest.strip();
        if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
            throw malformed("has text after its closing quote");
        }
    }

    private ConfigurationException malformed(String problem) {
        return new ConfigurationException(file + ": line " + lineNumber + " " + problem + " (lines are KEY=value,"
                + " # comment or blank; the line is not shown because it may hold a password)");
    }
}
