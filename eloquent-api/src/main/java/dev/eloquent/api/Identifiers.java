package dev.eloquent.api;

/**
 * The one check every table and column name passes before it reaches a driver: letters, digits and
 * underscores, starting with a letter or underscore, at most 64 characters (MySQL's limit, the
 * smallest of the supported databases). Drivers still quote what they emit.
 */
public final class Identifiers {
    private static final int MAX_LENGTH = 64;

    private Identifiers() {
    }

    public static String check(String identifier, String what) {
        if (!valid(identifier)) {
            throw new EloquentException("'" + identifier + "' is not a valid " + what + " name: use letters, digits"
                    + " and underscores, starting with a letter or underscore, at most 64 characters");
        }
        return identifier;
    }

    /**
     * {@code [A-Za-z_][A-Za-z0-9_]{0,63}}, checked by hand: every column of every query passes here, and a
     * regex matcher per name was a measurable part of a find by key (issue 13's profile).
     */
    private static boolean valid(String identifier) {
        int length = identifier == null ? 0 : identifier.length();
        if (length == 0 || length > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = identifier.charAt(i);
            boolean letter = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_';
            if (!letter && (i == 0 || c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }
}
