/**
 * The example application. It requires only the ORM: drivers arrive through the module path and
 * ServiceLoader (the launcher binds every provider of dev.eloquent.api.Driver it finds).
 */
module dev.eloquent.examples {
    requires dev.eloquent.orm;

    exports dev.eloquent.examples;

    // The eloquent CLI finds the example's models, migrations and seeders through this service.
    provides dev.eloquent.orm.EloquentApplication with dev.eloquent.examples.ExampleApplication;
}
