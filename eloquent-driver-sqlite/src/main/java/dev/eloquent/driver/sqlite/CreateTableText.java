package dev.eloquent.driver.sqlite;

import dev.eloquent.api.EloquentException;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The text of a {@code CREATE TABLE} statement as SQLite keeps it in {@code sqlite_master.sql}, cut into
 * its top-level items (column definitions and table constraints) so that a rebuild can replace, add or
 * remove one item and keep every other byte as written. Commas and parentheses inside strings, quoted
 * names, {@code [names]}, comments and nested parentheses (CHECK expressions, type sizes) do not cut.
 */
record CreateTableText(List<String> items, String tail) {
    /** Words that begin a table constraint rather than a column, when they are not quoted. */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN");

    CreateTableText {
        items = List.copyOf(items);
    }

    static CreateTableText parse(String sql) {
        int open = -1;
        int depth = 0;
        for (int i = 0; i < sql.length(); i = next(sql, i)) {
            char c = sql.charAt(i);
            if (c == '(') {
                if (depth++ == 0) {
                    open = i;
                }
            } else if (c == ')' && --depth == 0) {
                return new CreateTableText(split(sql.substring(open + 1, i)), sql.substring(i + 1));
            }
        }
        // The text came from sqlite_master, so this means a form this parser does not know (CREATE TABLE ... AS SELECT).
        throw new EloquentException("the definition of the table cannot be read: it has no column list");
    }

    /** The body's top-level items, trimmed. */
    static List<String> split(String body) {
        List<String> items = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < body.length(); i = next(body, i)) {
            char c = body.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                items.add(body.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = body.substring(start).trim();
        if (!last.isEmpty()) {
            items.add(last);
        }
        return items;
    }

    /** The statement with another table name and these items: {@code CREATE TABLE name (items)tail}. */
    String render(String quotedName, List<String> newItems) {
        return "CREATE TABLE " + quotedName + " (" + String.join(", ", newItems) + ")" + tail;
    }

    /** The column an item defines (unquoted), or null for a table constraint. */
    static String columnName(String item) {
        List<Token> words = tokens(item, 1);
        if (words.isEmpty()) {
            return null;
        }
        Token first = words.get(0);
        if (!first.quoted() && CONSTRAINT_WORDS.contains(first.text().toUpperCase(Locale.ROOT))) {
            return null;
        }
        return first.text();
    }

    /** The name of a {@code CONSTRAINT name FOREIGN KEY ...} item (unquoted), or null for any other item. */
    static String foreignKeyName(String item) {
        List<Token> words = tokens(item, 3);
        if (words.size() == 3 && words.get(0).is("CONSTRAINT") && words.get(2).is("FOREIGN")) {
            return words.get(1).text();
        }
        return null;
    }

    /** Whether a bare word (a keyword such as UNIQUE) appears in the item outside parentheses, strings and names. */
    static boolean hasWord(String item, String word) {
        return tokens(item, Integer.MAX_VALUE).stream().anyMatch(t -> t.depth() == 0 && t.is(word));
    }

    /** The tables the item's REFERENCES clauses name (unquoted), at any depth. */
    static List<String> referencedTables(String item) {
        List<Token> all = tokens(item, Integer.MAX_VALUE);
        List<String> tables = new ArrayList<>();
        for (int i = 0; i + 1 < all.size(); i++) {
            if (all.get(i).is("REFERENCES")) {
                tables.add(all.get(i + 1).text());
            }
        }
        return tables;
    }

    /** Whether SQL text names the table (as a word or a quoted name, not inside a string), in any case. */
    static boolean mentions(String sql, String table) {
        return tokens(sql, Integer.MAX_VALUE).stream().anyMatch(t -> t.text().equalsIgnoreCase(table));
    }

    /** A word or a name: {@code quoted} names are never keywords. */
    record Token(String text, boolean quoted, int depth) {
        boolean is(String keyword) {
            return !quoted && text.equalsIgnoreCase(keyword);
        }
    }

    /** Up to {@code limit} words and names of the text, with their parenthesis depth; strings and punctuation are skipped. */
    private static List<Token> tokens(String text, int limit) {
        List<Token> tokens = new ArrayList<>();
        int depth = 0;
        int i = 0;
        while (i < text.length() && tokens.size() < limit) {
            char c = text.charAt(i);
            int end = next(text, i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '`' || c == '"' || c == '[') {
                char close = c == '[' ? ']' : c;
                String inner = text.substring(i + 1, end - 1);
                tokens.add(new Token(c == '[' ? inner : inner.replace("" + close + close, "" + close), true, depth));
            } else if (isWordChar(c)) {
                end = i;
                while (end < text.length() && isWordChar(text.charAt(end))) {
                    end++;
                }
                tokens.add(new Token(text.substring(i, end), false, depth));
            }
            i = end;
        }
        return tokens;
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    /**
     * The index after the token that starts at {@code i}: past a whole string, quoted name, bracketed
     * name or comment (doubled quotes stay inside), else the next character. Unterminated ones run to the end.
     */
    private static int next(String text, int i) {
        char c = text.charAt(i);
        if (c == '\'' || c == '"' || c == '`') {
            int j = i + 1;
            while (j < text.length()) {
                if (text.charAt(j) == c) {
                    if (j + 1 < text.length() && text.charAt(j + 1) == c) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return text.length();
        }
        if (c == '[') {
            int close = text.indexOf(']', i + 1);
            return close < 0 ? text.length() : close + 1;
        }
        if (text.startsWith("--", i)) {
            int newline = text.indexOf('\n', i);
            return newline < 0 ? text.length() : newline + 1;
        }
        if (text.startsWith("/*", i)) {
            int close = text.indexOf("*/", i + 2);
            return close < 0 ? text.length() : close + 2;
        }
        return i + 1;
    }
}
