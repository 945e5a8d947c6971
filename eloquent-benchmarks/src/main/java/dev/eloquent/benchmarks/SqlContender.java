package dev.eloquent.benchmarks;

import dev.eloquent.benchmarks.Models.ParentRow;
import dev.eloquent.benchmarks.Models.UserRow;

import java.math.BigDecimal;
import java.util.List;

/** One way of doing each SQL workload. Each contender opens its own pool with the same settings. */
public interface SqlContender extends AutoCloseable {
    String USER_COLUMNS = "id, name, email, age, active, balance";

    /** A row to insert (the key is generated). */
    record NewUser(String name, String email, int age, boolean active, BigDecimal balance) {
    }

    UserRow find(long id);

    /** {@code count} rows from {@code fromId} on, in key order. */
    List<UserRow> range(long fromId, int count);

    /** Every row of bench_users in key order. */
    List<UserRow> all();

    /** Inserts the rows into bench_inserts in one transaction. */
    default void insert(List<NewUser> rows) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": insert");
    }

    /** Sets one user's age by key; returns the rows changed. */
    default long update(long id, int age) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": update");
    }

    /** Every parent (key order) with its children (key order): two queries. */
    default List<ParentRow> parentsWithChildren() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": eager");
    }

    /** Streams every row of bench_big and sums the ages, holding one row at a time. */
    default long cursorSum() {
        throw new UnsupportedOperationException(getClass().getSimpleName() + ": cursor");
    }

    @Override
    void close();

    static SqlContender open(String name, Target target) {
        return switch (name) {
            case "jdbcIndex" -> new JdbcContender(target, true);
            case "jdbcName" -> new JdbcContender(target, false);
            case "jdbi" -> new JdbiContender(target);
            case "hibernateStateless" -> new HibernateContender(target, false);
            case "hibernateStateful" -> new HibernateContender(target, true);
            case "orm" -> new OrmContender(target);
            default -> throw new IllegalArgumentException("no contender " + name);
        };
    }
}
