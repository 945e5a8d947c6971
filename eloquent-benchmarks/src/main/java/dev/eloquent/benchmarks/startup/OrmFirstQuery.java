package dev.eloquent.benchmarks.startup;

import dev.eloquent.api.Env;
import dev.eloquent.benchmarks.Models;
import dev.eloquent.benchmarks.Target;
import dev.eloquent.orm.Eloquent;

/** Startup of the ORM: boot (drivers found by ServiceLoader, the model registered), one find by key, exit. */
public final class OrmFirstQuery {
    private OrmFirstQuery() {
    }

    public static void main(String[] args) {
        Target target = Target.of(args.length > 0 ? args[0] : "sqlite");
        try (Eloquent db = Eloquent.builder().env(Env.of(target.env()))
                .register(Models.User.class, Models.User::new).boot()) {
            System.out.println(db.findOrFail(Models.User.class, 1L).getString("name"));
        }
    }
}
