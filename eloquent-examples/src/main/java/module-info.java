/**
 * The example application. It requires only the ORM: drivers arrive through the module path and
 * ServiceLoader (the launcher binds every provider of dev.eloquent.api.Driver it finds).
 */
module dev.eloquent.examples {
    requires dev.eloquent.orm;

    exports dev.eloquent.examples;
}
