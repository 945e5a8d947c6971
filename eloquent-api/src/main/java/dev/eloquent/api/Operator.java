package dev.eloquent.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The comparison operators a {@link Condition.Compare} may use; anything else is refused, never passed through. */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LIKE("like"), NOT_LIKE("not like");

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Operator parse(String text) {
        String normalized = text == null ? "" : text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (normalized.equals("<>")) {
            return NE;
        }
        for (Operator operator : values()) {
            if (operator.symbol.equals(normalized)) {
                return operator;
            }
        }
        throw new EloquentException("'" + text + "' is not a supported operator; use one of "
                + Arrays.stream(values()).map(o -> o.symbol).collect(Collectors.joining(", ")) + ", <>");
    }
}
