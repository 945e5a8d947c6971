package dev.eloquent.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.benchmarks.Models.UserRow;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.util.List;

/** Jdbi 3 mapping rows to the {@link UserRow} record by column name (ConstructorMapper), one handle per call. */
final class JdbiContender implements SqlContender {
    private final HikariDataSource pool;
    private final Jdbi jdbi;

    JdbiContender(Target target) {
        this.pool = target.pool("jdbi");
        this.jdbi = Jdbi.create(pool);
        jdbi.registerRowMapper(ConstructorMapper.factory(UserRow.class));
    }

    @Override
    public UserRow find(long id) {
        return jdbi.withHandle(h -> h.createQuery("select " + USER_COLUMNS + " from bench_users where id = :id")
                .bind("id", id).mapTo(UserRow.class).findOne().orElse(null));
    }

    @Override
    public List<UserRow> range(long fromId, int count) {
        return jdbi.withHandle(h -> h.createQuery("select " + USER_COLUMNS
                        + " from bench_users where id >= :from and id < :to order by id")
                .bind("from", fromId).bind("to", fromId + count).mapTo(UserRow.class).list());
    }

    @Override
    public List<UserRow> all() {
        return jdbi.withHandle(h -> h.createQuery("select " + USER_COLUMNS + " from bench_users order by id")
                .mapTo(UserRow.class).list());
    }

    @Override
    public void insert(List<NewUser> rows) {
        jdbi.useTransaction(h -> {
            PreparedBatch batch = h.prepareBatch(
                    "insert into bench_inserts (name, email, age, active, balance) values (:name, :email, :age, :active, :balance)");
            for (NewUser row : rows) {
                batch.bind("name", row.name()).bind("email", row.email()).bind("age", row.age())
                        .bind("active", row.active()).bind("balance", row.balance()).add();
            }
            batch.execute();
        });
    }

    @Override
    public long update(long id, int age) {
        return jdbi.withHandle(h -> h.createUpdate("update bench_users set age = :age where id = :id")
                .bind("age", age).bind("id", id).execute());
    }

    @Override
    public void close() {
        pool.close();
    }
}
