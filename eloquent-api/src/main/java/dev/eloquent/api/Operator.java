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

    /** The operator with the opposite meaning for non-null operands: {@code <} becomes {@code >=}. */
    public Operator negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
            case LIKE -> NOT_LIKE;
            case NOT_LIKE -> LIKE;
        };
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
