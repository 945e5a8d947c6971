package dev.eloquent.benchmarks;

import dev.eloquent.api.Env;
import dev.eloquent.benchmarks.Models.Big;
import dev.eloquent.benchmarks.Models.Child;
import dev.eloquent.benchmarks.Models.Insert;
import dev.eloquent.benchmarks.Models.Parent;
import dev.eloquent.benchmarks.Models.ParentRow;
import dev.eloquent.benchmarks.Models.User;
import dev.eloquent.benchmarks.Models.UserRow;
import dev.eloquent.orm.Eloquent;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** This ORM through its public API only; values are read with the typed getters into the same records. */
final class OrmContender implements SqlContender {
    private final Eloquent db;

    OrmContender(Target target) {
        this.db = boot(target);
    }

    static Eloquent boot(Target target) {
        return Eloquent.builder().env(Env.of(target.env()))
                .register(User.class, User::new)
                .register(Insert.class, Insert::new)
                .register(Big.class, Big::new)
                .register(Parent.class, Parent::new)
                .register(Child.class, Child::new)
                .boot();
    }

    Eloquent db() {
        return db;
    }

    @Override
    public UserRow find(long id) {
        return db.find(User.class, id).map(User::row).orElse(null);
    }

    @Override
    public List<UserRow> range(long fromId, int count) {
        return db.query(User.class).where("id", ">=", fromId).where("id", "<", fromId + count).orderBy("id").get()
                .stream().map(User::row).toList();
    }

    @Override
    public List<UserRow> all() {
        return db.query(User.class).orderBy("id").get().stream().map(User::row).toList();
    }

    /** The ORM's insert of many: models saved with saveMany (batched inserts, generated keys) in a transaction. */
    @Override
    public void insert(List<NewUser> rows) {
        db.transaction(() -> {
            List<Insert> models = new ArrayList<>(rows.size());
            for (NewUser row : rows) {
                Insert model = db.make(Insert.class);
                model.set("name", row.name()).set("email", row.email()).set("age", row.age())
                        .set("active", row.active()).set("balance", row.balance());
                models.add(model);
            }
            return db.saveMany(models);
        });
    }

    /** One statement, as JDBC's: a query update by key (not find + save, which is two). */
    @Override
    public long update(long id, int age) {
        return db.query(User.class).where("id", id).update(Map.of("age", age));
    }

    @Override
    public List<ParentRow> parentsWithChildren() {
        return db.query(Parent.class).orderBy("id").with("children").get().stream().map(Parent::row).toList();
    }

    @Override
    public long cursorSum() {
        long sum = 0;
        try (Stream<Big> rows = db.query(Big.class).orderBy("id").cursor()) {
            for (var it = rows.iterator(); it.hasNext(); ) {
                Big row = it.next();
                row.getLong("id");
                row.getString("name");
                sum += row.getInteger("age");
            }
        }
        return sum;
    }

    @Override
    public void close() {
        db.close();
    }
}
