package dev.eloquent.benchmarks;

import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.MongoModel;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;

import java.util.List;

/**
 * The ORM's models of the benchmark tables. No timestamps, so that every contender writes and reads
 * exactly the same columns. Unpinned: they follow DB_CONNECTION (sqlite, pg or mysql).
 */
public final class Models {
    private Models() {
    }

    static final Schema USERS = Schema.of(t -> {
        t.increments("id");
        t.string("name", 120);
        t.string("email", 200);
        t.integer("age");
        t.bool("active");
        t.decimal("balance", 10, 2);
    });

    @Table("bench_users")
    public static final class User extends SqlModel<User> {
        @Override
        public Schema schema() {
            return USERS;
        }

        UserRow row() {
            return new UserRow(getLong("id"), getString("name"), getString("email"), getInteger("age"),
                    getBoolean("active"), getDecimal("balance"));
        }
    }

    /** Where the insert workload writes (emptied after every iteration). */
    @Table("bench_inserts")
    public static final class Insert extends SqlModel<Insert> {
        @Override
        public Schema schema() {
            return USERS;
        }
    }

    @Table("bench_big")
    public static final class Big extends SqlModel<Big> {
        static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 120);
            t.integer("age");
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }
    }

    @Table("bench_parents")
    public static final class Parent extends SqlModel<Parent> {
        static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 120);
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        public HasMany<Parent, Child> children() {
            return hasMany(Child.class, "parent_id");
        }

        @SuppressWarnings("unchecked")
        ParentRow row() {
            List<Child> children = (List<Child>) getRelation("children");
            return new ParentRow(getLong("id"), getString("name"), children.stream().map(Child::row).toList());
        }
    }

    @Table("bench_children")
    public static final class Child extends SqlModel<Child> {
        static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.bigInteger("parent_id").index();
            t.string("title", 120);
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        ChildRow row() {
            return new ChildRow(getLong("id"), getLong("parent_id"), getString("title"));
        }
    }

    @Table("bench_users")
    @dev.eloquent.orm.Connection("mongo")
    public static final class MongoUser extends MongoModel<MongoUser> {
        static final Schema SCHEMA = Schema.of(t -> {
            t.increments("id");
            t.string("name", 120);
            t.string("email", 200);
            t.integer("age");
            t.bool("active");
        });

        @Override
        public Schema schema() {
            return SCHEMA;
        }

        MongoRow row() {
            return new MongoRow(getLong("id"), getString("name"), getString("email"), getInteger("age"),
                    getBoolean("active"));
        }
    }

    /** What every SQL contender produces for a user row. */
    public record UserRow(long id, String name, String email, int age, boolean active, java.math.BigDecimal balance) {
    }

    public record ParentRow(long id, String name, List<ChildRow> children) {
    }

    public record ChildRow(long id, long parentId, String title) {
    }

    public record MongoRow(long id, String name, String email, int age, boolean active) {
    }
}
