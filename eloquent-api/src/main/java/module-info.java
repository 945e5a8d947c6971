/**
 * The contracts between the ORM and the drivers: the {@link dev.eloquent.api.Driver} SPI, the neutral
 * descriptions of queries and schema changes a driver compiles, capabilities and error types.
 * Pure JDK by design (DESIGN.md §1).
 */
module dev.eloquent.api {
    exports dev.eloquent.api;
}
