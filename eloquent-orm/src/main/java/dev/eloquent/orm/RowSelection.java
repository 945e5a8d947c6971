package dev.eloquent.orm;

import dev.eloquent.api.Expression;
import dev.eloquent.api.Join;
import dev.eloquent.api.Query;
import dev.eloquent.api.Selection;
import dev.eloquent.api.TableRef;
import dev.eloquent.api.TableSpec;

import java.util.ArrayList;
import java.util.List;

/**
 * What "every column" of a model with a schema is: the key columns the schema leaves out (the {@code _id}
 * of a {@link MongoModel} in ObjectId mode), then the declared columns, in schema order. Worked out once
 * per model type. The same rule on every driver, so a document store projects the declared fields and
 * never returns its own {@code _id} unless it is the key, and hydration need not ask where rows came from.
 */
final class RowSelection {
    /** Unqualified, as a read without joins selects them. */
    private final List<Selection> columns;

    private RowSelection(List<Selection> columns) {
        this.columns = columns;
    }

    static RowSelection declared(List<String> keyNames, TableSpec spec) {
        List<Selection> selections = new ArrayList<>();
        for (String key : keyNames) {
            if (spec.column(key).isEmpty()) {
                selections.add(Selection.of(new Expression.Column(null, key)));
            }
        }
        spec.columns().forEach(c -> selections.add(Selection.of(new Expression.Column(null, c.name()))));
        return new RowSelection(List.copyOf(selections));
    }

    /**
     * The read with each selection of every column of the model's table (nothing selected, {@code *}, or
     * {@code <reference>.*}) replaced by the declared columns, qualified like the star: unqualified without
     * joins; with joins an unqualified star is the model's columns qualified by its reference, then
     * {@code <joined>.*} of each join, in the order SQL's {@code *} returns them. Other selections
     * (aggregates, pivot and subquery columns) keep their places. A read from a subquery is left alone.
     */
    Query of(Query query) {
        TableRef from = query.from();
        if (from.subquery() != null) {
            return query;
        }
        List<Selection> selections = query.selections();
        if (selections.isEmpty()) {
            return query.withSelections(everyColumn(query));
        }
        List<Selection> expanded = null;
        for (int i = 0; i < selections.size(); i++) {
            Selection selection = selections.get(i);
            List<Selection> replacement = null;
            if (selection.alias() == null && selection.expression() instanceof Expression.Column column
                    && column.name().equals("*")) {
                if (column.qualifier() == null) {
                    replacement = everyColumn(query);
                } else if (column.qualifier().equals(from.reference())) {
                    replacement = qualified(column.qualifier());
                }
            }
            if (replacement != null && expanded == null) {
                expanded = new ArrayList<>(selections.subList(0, i));
            }
            if (expanded != null) {
                if (replacement != null) {
                    expanded.addAll(replacement);
                } else {
                    expanded.add(selection);
                }
            }
        }
        return expanded == null ? query : query.withSelections(expanded);
    }

    /** An unqualified star: the declared columns, and with joins each joined table's star after them. */
    private List<Selection> everyColumn(Query query) {
        if (query.joins().isEmpty()) {
            return columns;
        }
        List<Selection> selections = new ArrayList<>(qualified(query.from().reference()));
        for (Join join : query.joins()) {
            selections.add(Selection.of(new Expression.Column(join.table().reference(), "*")));
        }
        return selections;
    }

    private List<Selection> qualified(String reference) {
        List<Selection> selections = new ArrayList<>(columns.size());
        for (Selection selection : columns) {
            selections.add(Selection.of(new Expression.Column(reference, ((Expression.Column) selection.expression()).name())));
        }
        return selections;
    }
}
