/**
 * Reads the env contract, discovers drivers with {@link java.util.ServiceLoader}, and opens, keeps and
 * closes named connections (DESIGN.md §2).
 */
module dev.eloquent.resolver {
    requires transitive dev.eloquent.api;

    exports dev.eloquent.resolver;

    uses dev.eloquent.api.Driver;
}
