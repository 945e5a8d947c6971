package dev.eloquent.testkit;

/**
 * The whole kit. A driver's test class implements it and supplies {@link #target()}:
 * <pre>{@code
 * class SqliteConformanceTest implements DriverConformanceKit {
 *     public DriverTarget target() { return ...; }
 * }
 * }</pre>
 * Cases that need a capability the driver does not claim are skipped, visibly, with the reason.
 */
public interface DriverConformanceKit extends CrudKit, QueryKit, TypesKit, TransactionKit, LifecycleKit, UpsertKit,
        ValueRulesKit, DdlLiteralKit, SecretsKit, ConcurrencyKit {
}
