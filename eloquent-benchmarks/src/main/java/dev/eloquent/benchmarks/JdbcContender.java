package dev.eloquent.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.benchmarks.Models.ChildRow;
import dev.eloquent.benchmarks.Models.ParentRow;
import dev.eloquent.benchmarks.Models.UserRow;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-written JDBC: prepared statements on HikariCP, columns read by index or by name. */
final class JdbcContender implements SqlContender {
    private final Target target;
    private final HikariDataSource pool;
    private final boolean byIndex;

    JdbcContender(Target target, boolean byIndex) {
        this.target = target;
        this.byIndex = byIndex;
        this.pool = target.pool(byIndex ? "jdbc-index" : "jdbc-name");
    }

    private UserRow user(ResultSet rs) throws SQLException {
        if (byIndex) {
            return new UserRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                    rs.getBigDecimal(6));
        }
        return new UserRow(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getInt("age"),
                rs.getBoolean("active"), rs.getBigDecimal("balance"));
    }

    @Override
    public UserRow find(long id) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + USER_COLUMNS + " from bench_users where id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? user(rs) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<UserRow> range(long fromId, int count) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + USER_COLUMNS
                     + " from bench_users where id >= ? and id < ? order by id")) {
            ps.setLong(1, fromId);
            ps.setLong(2, fromId + count);
            return users(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public List<UserRow> all() {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + USER_COLUMNS + " from bench_users order by id")) {
            return users(ps);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<UserRow> users(PreparedStatement ps) throws SQLException {
        List<UserRow> rows = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                rows.add(user(rs));
            }
        }
        return rows;
    }

    /** A JDBC batch in one transaction (no generated keys read back). */
    @Override
    public void insert(List<NewUser> rows) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into bench_inserts (name, email, age, active, balance) values (?, ?, ?, ?, ?)")) {
                for (NewUser row : rows) {
                    ps.setString(1, row.name());
                    ps.setString(2, row.email());
                    ps.setInt(3, row.age());
                    ps.setBoolean(4, row.active());
                    ps.setBigDecimal(5, row.balance());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public long update(long id, int age) {
        try (Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("update bench_users set age = ? where id = ?")) {
            ps.setInt(1, age);
            ps.setLong(2, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The two queries the ORM's eager load sends: the parents, then their children by an IN list. */
    @Override
    public List<ParentRow> parentsWithChildren() {
        try (Connection c = pool.getConnection()) {
            List<long[]> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("select id, name from bench_parents order by id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(new long[]{rs.getLong(1)});
                    names.add(rs.getString(2));
                }
            }
            Map<Long, List<ChildRow>> children = new HashMap<>();
            if (!keys.isEmpty()) {
                StringBuilder sql = new StringBuilder("select id, parent_id, title from bench_children where parent_id in (");
                for (int i = 0; i < keys.size(); i++) {
                    sql.append(i == 0 ? "?" : ", ?");
                }
                sql.append(") order by id");
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    for (int i = 0; i < keys.size(); i++) {
                        ps.setLong(i + 1, keys.get(i)[0]);
                    }
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            long parent = rs.getLong(2);
                            children.computeIfAbsent(parent, k -> new ArrayList<>())
                                    .add(new ChildRow(rs.getLong(1), parent, rs.getString(3)));
                        }
                    }
                }
            }
            List<ParentRow> parents = new ArrayList<>(keys.size());
            for (int i = 0; i < keys.size(); i++) {
                long id = keys.get(i)[0];
                parents.add(new ParentRow(id, names.get(i), children.getOrDefault(id, List.of())));
            }
            return parents;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Streams: autocommit off and a fetch size on PostgreSQL, Connector/J's streaming mode on MySQL. */
    @Override
    public long cursorSum() {
        try (Connection c = pool.getConnection()) {
            boolean pg = target == Target.PG;
            if (pg) {
                c.setAutoCommit(false);
            }
            try (PreparedStatement ps = c.prepareStatement("select id, name, age from bench_big order by id",
                    ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(target == Target.MYSQL ? Integer.MIN_VALUE : 500);
                long sum = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                        rs.getString(2);
                        sum += rs.getInt(3);
                    }
                }
                return sum;
            } finally {
                if (pg) {
                    c.commit();
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
