/**
 * The {@code eloquent} command line: finds the application through the
 * {@link dev.eloquent.orm.EloquentApplication} service and runs its migrations and seeders on the
 * connections the target flags choose.
 */
module dev.eloquent.cli {
    requires dev.eloquent.orm;
    requires dev.eloquent.resolver;
    requires dev.eloquent.api;
    requires info.picocli;

    exports dev.eloquent.cli;
    // picocli reads and sets the annotated command fields by reflection.
    opens dev.eloquent.cli to info.picocli;

    uses dev.eloquent.orm.EloquentApplication;
}
