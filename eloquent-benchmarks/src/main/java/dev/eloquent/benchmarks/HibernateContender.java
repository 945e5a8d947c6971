package dev.eloquent.benchmarks;

import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.benchmarks.Models.UserRow;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StatelessSession;
import org.hibernate.cfg.Configuration;

import java.util.List;

/**
 * Hibernate ORM 7 on the same HikariCP pool settings (the pool is handed over as the DataSource). The
 * stateless session is Hibernate's closest match to what the other contenders do; the stateful one (a new
 * session per operation, its first-level cache empty each time) is measured on the reads, where it is fair.
 * Keys are IDENTITY columns, which turns Hibernate's insert batching off: inserts are one statement per row.
 */
final class HibernateContender implements SqlContender {
    private final HikariDataSource pool;
    private final SessionFactory factory;
    private final boolean stateful;

    HibernateContender(Target target, boolean stateful) {
        this.stateful = stateful;
        this.pool = target.pool(stateful ? "hibernate-stateful" : "hibernate-stateless");
        Configuration configuration = new Configuration()
                .addAnnotatedClass(UserEntity.class)
                .addAnnotatedClass(UserEntity.InsertEntity.class);
        configuration.getProperties().put("hibernate.connection.datasource", pool);
        configuration.setProperty("hibernate.hbm2ddl.auto", "none");
        configuration.setProperty("hibernate.show_sql", "false");
        configuration.setProperty("hibernate.jdbc.batch_size", "1000");
        if (target == Target.SQLITE) {
            configuration.setProperty("hibernate.dialect", "org.hibernate.community.dialect.SQLiteDialect");
        }
        this.factory = configuration.buildSessionFactory();
    }

    @Override
    public UserRow find(long id) {
        if (stateful) {
            try (Session s = factory.openSession()) {
                UserEntity e = s.find(UserEntity.class, id);
                return e == null ? null : e.row();
            }
        }
        try (StatelessSession s = factory.openStatelessSession()) {
            UserEntity e = s.get(UserEntity.class, id);
            return e == null ? null : e.row();
        }
    }

    private static final String RANGE = "from UserEntity u where u.id >= :from and u.id < :to order by u.id";
    private static final String ALL = "from UserEntity u order by u.id";

    @Override
    public List<UserRow> range(long fromId, int count) {
        if (stateful) {
            try (Session s = factory.openSession()) {
                s.setDefaultReadOnly(true);
                return s.createSelectionQuery(RANGE, UserEntity.class).setParameter("from", fromId)
                        .setParameter("to", fromId + count).getResultList().stream().map(UserEntity::row).toList();
            }
        }
        try (StatelessSession s = factory.openStatelessSession()) {
            return s.createSelectionQuery(RANGE, UserEntity.class).setParameter("from", fromId)
                    .setParameter("to", fromId + count).getResultList().stream().map(UserEntity::row).toList();
        }
    }

    @Override
    public List<UserRow> all() {
        if (stateful) {
            try (Session s = factory.openSession()) {
                s.setDefaultReadOnly(true);
                return s.createSelectionQuery(ALL, UserEntity.class).getResultList().stream().map(UserEntity::row).toList();
            }
        }
        try (StatelessSession s = factory.openStatelessSession()) {
            return s.createSelectionQuery(ALL, UserEntity.class).getResultList().stream().map(UserEntity::row).toList();
        }
    }

    @Override
    public void insert(List<NewUser> rows) {
        try (StatelessSession s = factory.openStatelessSession()) {
            s.getTransaction().begin();
            try {
                for (NewUser row : rows) {
                    UserEntity.InsertEntity e = new UserEntity.InsertEntity();
                    e.name = row.name();
                    e.email = row.email();
                    e.age = row.age();
                    e.active = row.active();
                    e.balance = row.balance();
                    s.insert(e);
                }
                s.getTransaction().commit();
            } catch (RuntimeException ex) {
                s.getTransaction().rollback();
                throw ex;
            }
        }
    }

    @Override
    public long update(long id, int age) {
        try (StatelessSession s = factory.openStatelessSession()) {
            s.getTransaction().begin();
            int changed = s.createMutationQuery("update UserEntity u set u.age = :age where u.id = :id")
                    .setParameter("age", age).setParameter("id", id).executeUpdate();
            s.getTransaction().commit();
            return changed;
        }
    }

    @Override
    public void close() {
        factory.close();
        pool.close();
    }
}
