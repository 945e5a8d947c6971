/**
 * What applications program against: {@link dev.eloquent.orm.Eloquent}, models, the query builder and the
 * schema builder. It knows no driver by name (DESIGN.md §1) and reads models without reflection on their
 * fields: a model registers with a constructor reference, so application modules need no {@code opens}.
 */
module dev.eloquent.orm {
    requires transitive dev.eloquent.api;
    requires transitive dev.eloquent.resolver;
    // Factory.definition receives a Faker, so applications that write factories read datafaker too.
    requires transitive net.datafaker;
    // JSON of json casts and model serialization.
    requires com.fasterxml.jackson.jr.ob;

    exports dev.eloquent.orm;
    exports dev.eloquent.orm.migration;
    exports dev.eloquent.orm.seed;

    uses dev.eloquent.orm.EloquentApplication;
}
