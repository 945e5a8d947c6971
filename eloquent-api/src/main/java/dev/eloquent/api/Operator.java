package dev.eloquent.api;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The comparison operators a {@link Condition.Compare} may use; anything else is refused, never passed through.
 * {@code LIKE} ignores the case of ASCII letters on every driver; its case-sensitive forms are what
 * {@code whereLike(column, pattern, true)} builds, and are not read from text by {@link #parse}.
 */
public enum Operator {
    EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LIKE("like"), NOT_LIKE("not like"),
    LIKE_CASE_SENSITIVE("like (case-sensitive)"), NOT_LIKE_CASE_SENSITIVE("not like (case-sensitive)");

    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** The symbols {@link #parse} reads, as written most of the time ("=", ">="), for a lookup without normalizing. */
    private static final Map<String, Operator> SYMBOLS = Map.of("=", EQ, "!=", NE, "<>", NE, "<", LT, "<=", LE,
            ">", GT, ">=", GE, "like", LIKE, "not like", NOT_LIKE);

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
            case LIKE_CASE_SENSITIVE -> NOT_LIKE_CASE_SENSITIVE;
            case NOT_LIKE_CASE_SENSITIVE -> LIKE_CASE_SENSITIVE;
        };
    }

    /** Whether this is one of the four like operators. */
    public boolean isLike() {
        return this == LIKE || this == NOT_LIKE || this == LIKE_CASE_SENSITIVE || this == NOT_LIKE_CASE_SENSITIVE;
    }

    /** Whether this is {@code not like}, in either case mode. */
    public boolean isNegatedLike() {
        return this == NOT_LIKE || this == NOT_LIKE_CASE_SENSITIVE;
    }

    /** Whether letters must match in case: the case-sensitive like operators. */
    public boolean isCaseSensitive() {
        return this == LIKE_CASE_SENSITIVE || this == NOT_LIKE_CASE_SENSITIVE;
    }

    public static Operator parse(String text) {
        Operator exact = text == null ? null : SYMBOLS.get(text);
        if (exact != null) {
            return exact;
        }
        String normalized = text == null ? "" : SPACES.matcher(text.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
        Operator operator = SYMBOLS.get(normalized);
        if (operator != null) {
            return operator;
        }
        throw new EloquentException("'" + text + "' is not a supported operator; use one of "
                + Arrays.stream(values()).filter(o -> !o.isCaseSensitive()).map(o -> o.symbol)
                .collect(Collectors.joining(", ")) + ", <>");
    }
}
