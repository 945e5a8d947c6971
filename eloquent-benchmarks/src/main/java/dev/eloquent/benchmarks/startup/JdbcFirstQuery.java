package dev.eloquent.benchmarks.startup;

import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.benchmarks.Target;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** Startup yardstick: a HikariCP pool with the ORM's settings, one query by key, exit. */
public final class JdbcFirstQuery {
    private JdbcFirstQuery() {
    }

    public static void main(String[] args) throws Exception {
        Target target = Target.of(args.length > 0 ? args[0] : "sqlite");
        try (HikariDataSource pool = target.pool("startup"); Connection c = pool.getConnection();
             PreparedStatement ps = c.prepareStatement("select id, name, email, age, active, balance from bench_users where id = ?")) {
            ps.setLong(1, 1);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                System.out.println(rs.getString(2));
            }
        }
    }
}
