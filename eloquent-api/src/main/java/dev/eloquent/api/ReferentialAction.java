package dev.eloquent.api;

import java.util.Locale;

/** What a foreign key does to referencing rows when the referenced row is deleted. */
public enum ReferentialAction {
    CASCADE("CASCADE"),
    RESTRICT("RESTRICT"),
    SET_NULL("SET NULL"),
    NO_ACTION("NO ACTION");

    private final String sql;

    ReferentialAction(String sql) {
        this.sql = sql;
    }

    /** The action as every supported SQL database spells it after {@code ON DELETE}. */
    public String sql() {
        return sql;
    }

    /** Reads Laravel's spelling: {@code cascade}, {@code restrict}, {@code set null}, {@code no action} (any case). */
    public static ReferentialAction parse(String action) {
        if (action != null) {
            String normalized = action.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
            for (ReferentialAction candidate : values()) {
                if (candidate.sql.equals(normalized)) {
                    return candidate;
                }
            }
        }
        throw new EloquentException("'" + action + "' is not a foreign key action: use cascade, restrict, set null"
                + " or no action");
    }
}
