package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;

import java.util.function.Predicate;

/**
 * Stands before commands that destroy data (migrate:fresh, migrate:reset, db:seed:fresh). In production
 * ({@code APP_ENV=production}) they run only with {@code ELOQUENT_ALLOW_PROD_DESTRUCTIVE=true} and both
 * --force and --yes; elsewhere they ask on a terminal, and without one they need --yes.
 */
public final class ProductionGuard {
    public static final String ALLOW_KEY = "ELOQUENT_ALLOW_PROD_DESTRUCTIVE";

    private ProductionGuard() {
    }

    /**
     * Returns when the command may go on; throws naming what is missing otherwise.
     *
     * @param ask asks the question on the terminal and says whether the answer was yes, or is null
     *            when no terminal is attached
     */
    public static void check(String command, String what, boolean production, boolean allowedByEnv, boolean force,
                             boolean yes, Predicate<String> ask) {
        if (production) {
            if (!allowedByEnv || !force || !yes) {
                throw new EloquentException(command + " refused: APP_ENV is production, and " + what
                        + " there needs " + ALLOW_KEY + "=true in the environment and both --force and --yes"
                        + missing(allowedByEnv, force, yes));
            }
            return;
        }
        if (yes) {
            return;
        }
        if (ask == null) {
            throw new EloquentException(command + " refused: it " + what + " and no terminal is attached to"
                    + " confirm; add --yes to run it without asking");
        }
        if (!ask.test(command + " " + what + ". Continue? [y/N] ")) {
            throw new EloquentException(command + " cancelled: not confirmed");
        }
    }

    private static String missing(boolean allowedByEnv, boolean force, boolean yes) {
        StringBuilder text = new StringBuilder(" (missing:");
        if (!allowedByEnv) {
            text.append(' ').append(ALLOW_KEY).append("=true");
        }
        if (!force) {
            text.append(" --force");
        }
        if (!yes) {
            text.append(" --yes");
        }
        return text.append(')').toString();
    }
}
