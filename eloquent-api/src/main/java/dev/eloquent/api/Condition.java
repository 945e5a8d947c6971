package dev.eloquent.api;

import java.util.List;

/**
 * One predicate of a {@link Query}'s where clause. Values are data, whatever their shape: a driver binds
 * them as parameters (SQL) or wraps them as literals (MongoDB), never reads operators out of them.
 */
public sealed interface Condition {
    /** {@code column operator value}; a null value with = or != means IS NULL / IS NOT NULL. */
    record Compare(String column, Operator operator, Object value) implements Condition {
        public Compare {
            Identifiers.check(column, "column");
        }
    }

    /** {@code column IN (values)} or {@code NOT IN}; an empty list matches nothing (or everything when negated). */
    record In(String column, List<?> values, boolean negated) implements Condition {
        public In {
            Identifiers.check(column, "column");
            values = List.copyOf(values);
        }
    }

    /** {@code column IS NULL} or {@code IS NOT NULL}. */
    record Null(String column, boolean negated) implements Condition {
        public Null {
            Identifiers.check(column, "column");
        }
    }

    /** A parenthesised group of conditions. */
    record Group(List<Where> wheres) implements Condition {
        public Group {
            wheres = List.copyOf(wheres);
        }
    }
}
