package dev.eloquent.api;

import java.util.regex.Pattern;

/**
 * The one check every table and column name passes before it reaches a driver: letters, digits and
 * underscores, starting with a letter or underscore, at most 64 characters (MySQL's limit, the
 * smallest of the supported databases). Drivers still quote what they emit.
 */
public final class Identifiers {
    private static final Pattern VALID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private Identifiers() {
    }

    public static String check(String identifier, String what) {
        if (identifier == null || !VALID.matcher(identifier).matches()) {
            throw new EloquentException("'" + identifier + "' is not a valid " + what + " name: use letters, digits"
                    + " and underscores, starting with a letter or underscore, at most 64 characters");
        }
        return identifier;
    }
}
