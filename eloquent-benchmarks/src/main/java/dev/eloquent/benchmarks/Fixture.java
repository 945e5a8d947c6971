package dev.eloquent.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.benchmarks.Models.Big;
import dev.eloquent.benchmarks.Models.Child;
import dev.eloquent.benchmarks.Models.Insert;
import dev.eloquent.benchmarks.Models.Parent;
import dev.eloquent.benchmarks.Models.User;
import dev.eloquent.benchmarks.SqlContender.NewUser;
import dev.eloquent.orm.Eloquent;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark data: 10,000 users, 1,000 parents with 10 children each, and (for the cursor) a big
 * table. Tables are created by the ORM from its schemas (so every contender reads the ORM's column
 * types) and filled with JDBC batches; a table already holding the expected rows is reused.
 */
public final class Fixture {
    public static final int USERS = 10_000;
    public static final int PARENTS = 1_000;
    public static final int CHILDREN_EACH = 10;

    static {
        // Hibernate, HikariCP and the drivers log through slf4j-simple: keep the benchmark output readable.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    private Fixture() {
    }

    public static NewUser newUser(long i) {
        return new NewUser("user-" + i, "user-" + i + "@example.com", 18 + (int) (i % 60), i % 3 != 0,
                BigDecimal.valueOf(i * 37 % 100_000, 2));
    }

    public static List<NewUser> newUsers(int count) {
        List<NewUser> rows = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            rows.add(newUser(i));
        }
        return rows;
    }

    /** Users, inserts (empty), parents and children. */
    public static void prepare(Target target) {
        try {
            Files.createDirectories(Target.dataDir());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        try (Eloquent db = OrmContender.boot(target); HikariDataSource pool = target.pool("fixture");
             Connection c = pool.getConnection()) {
            if (count(c, "bench_users") != USERS) {
                db.dropTables(User.class);
                db.createTables(User.class);
                fill(c, "insert into bench_users (name, email, age, active, balance) values (?, ?, ?, ?, ?)", USERS,
                        (ps, i) -> bindUser(ps, newUser(i)));
            }
            db.dropTables(Insert.class);
            db.createTables(Insert.class);
            if (count(c, "bench_parents") != PARENTS || count(c, "bench_children") != PARENTS * CHILDREN_EACH) {
                db.dropTables(Child.class, Parent.class);
                db.createTables(Parent.class, Child.class);
                fill(c, "insert into bench_parents (name) values (?)", PARENTS, (ps, i) -> ps.setString(1, "parent-" + i));
                fill(c, "insert into bench_children (parent_id, title) values (?, ?)", PARENTS * CHILDREN_EACH, (ps, i) -> {
                    ps.setLong(1, (i - 1) / CHILDREN_EACH + 1);
                    ps.setString(2, "child-" + i);
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor's table with exactly {@code rows} rows. */
    public static void prepareBig(Target target, int rows) {
        try {
            Files.createDirectories(Target.dataDir());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        try (Eloquent db = OrmContender.boot(target); HikariDataSource pool = target.pool("fixture");
             Connection c = pool.getConnection()) {
            if (count(c, "bench_big") != rows) {
                db.dropTables(Big.class);
                db.createTables(Big.class);
                fill(c, "insert into bench_big (name, age) values (?, ?)", rows, (ps, i) -> {
                    ps.setString(1, "row-" + i);
                    ps.setInt(2, (int) (i % 90));
                });
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empties the insert workload's table. */
    public static void clearInserts(Target target) {
        try (HikariDataSource pool = target.pool("fixture"); Connection c = pool.getConnection();
             Statement s = c.createStatement()) {
            s.executeUpdate("delete from bench_inserts");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void bindUser(PreparedStatement ps, NewUser u) throws SQLException {
        ps.setString(1, u.name());
        ps.setString(2, u.email());
        ps.setInt(3, u.age());
        ps.setBoolean(4, u.active());
        ps.setBigDecimal(5, u.balance());
    }

    interface Binder {
        void bind(PreparedStatement ps, long i) throws SQLException;
    }

    private static void fill(Connection c, String sql, int rows, Binder binder) throws SQLException {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (long i = 1; i <= rows; i++) {
                binder.bind(ps, i);
                ps.addBatch();
                if (i % 5_000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
    }

    static long count(Connection c, String table) {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            // No such table yet: PostgreSQL needs the failed statement's transaction cleared (autocommit is on).
            return -1;
        }
    }
}
