package dev.eloquent.orm;

import dev.eloquent.api.AggregateFunction;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Selection;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses what {@code select(...)}, {@code having(...)} and {@code orderBy(...)} accept as text, strictly:
 * {@code col}, {@code t.col}, {@code t.*}, {@code *}, an aggregate {@code count(*)}, {@code count(col)},
 * {@code count(distinct col)}, {@code sum|avg|min|max(col)}, each optionally followed by {@code as alias}.
 * Anything else is refused naming the item, so text never reaches a statement unchecked; identifiers are
 * checked by {@link dev.eloquent.api.Identifiers} when the expression is made.
 */
final class Selections {
    private static final Pattern ALIASED = Pattern.compile("(?i)^(.+?)\\s+as\\s+(\\S+)$");
    private static final Pattern AGGREGATE = Pattern.compile(
            "(?i)^(count|sum|avg|min|max)\\s*\\(\\s*(distinct\\s+)?([^()\\s]+)\\s*\\)$");
    /** {@code col}, {@code t.col} or {@code t.*}: the parts' spelling is checked afterwards. */
    private static final Pattern COLUMN = Pattern.compile("^[^\\s().*]+(\\.([^\\s().*]+|\\*))?$");

    private Selections() {
    }

    /** One select item. */
    static Selection parse(String item) {
        String text = trimmed(item, "select item");
        Matcher aliased = ALIASED.matcher(text);
        String alias = null;
        if (aliased.matches()) {
            text = aliased.group(1).trim();
            alias = aliased.group(2);
        }
        Expression expression = expression(text, item);
        if (alias != null && expression instanceof Expression.Column column && column.name().equals("*")) {
            throw refused(item);
        }
        try {
            return new Selection(expression, alias);
        } catch (EloquentException e) {
            throw new EloquentException("select item '" + item + "': " + e.getMessage());
        }
    }

    /** A column or an aggregate, without an alias: what having and orderBy name. */
    static Expression expression(String item) {
        return expression(trimmed(item, "expression"), item);
    }

    /** The aggregate the text names, or null when it is not an aggregate item. */
    static Expression.Aggregate aggregate(String text) {
        Matcher matcher = AGGREGATE.matcher(text.trim());
        if (!matcher.matches()) {
            return null;
        }
        AggregateFunction function = AggregateFunction.valueOf(matcher.group(1).toUpperCase(Locale.ROOT));
        boolean distinct = matcher.group(2) != null;
        String argument = matcher.group(3);
        if (argument.equals("*")) {
            if (function != AggregateFunction.COUNT || distinct) {
                throw new EloquentException("'" + text.trim() + "': only count takes *");
            }
            return new Expression.Aggregate(function, null, false);
        }
        return new Expression.Aggregate(function, Expression.column(argument), distinct);
    }

    private static Expression expression(String text, String item) {
        Expression.Aggregate aggregate = aggregate(text);
        if (aggregate != null) {
            return aggregate;
        }
        if (text.equals("*")) {
            return new Expression.Column(null, "*");
        }
        if (!COLUMN.matcher(text).matches()) {
            throw refused(item);
        }
        return Expression.column(text); // checks each part, naming it
    }

    private static String trimmed(String item, String what) {
        if (item == null || item.isBlank()) {
            throw new EloquentException("a " + what + " must not be empty");
        }
        return item.trim();
    }

    private static EloquentException refused(String item) {
        return new EloquentException("'" + item + "' is not a column, table.column, table.*, col as alias or aggregate"
                + " (count(*), count(col), count(distinct col), sum|avg|min|max(col)); use selectRaw for SQL expressions");
    }

    /** The column a selection's values arrive under in a result, for finding it by name. */
    static String resultName(Selection selection) {
        return selection.resultName();
    }

    /** Whether any selection is an aggregate: such a query returns one row per group. */
    static boolean hasAggregate(List<Selection> selections) {
        return selections.stream().anyMatch(s -> s.expression() instanceof Expression.Aggregate);
    }
}
