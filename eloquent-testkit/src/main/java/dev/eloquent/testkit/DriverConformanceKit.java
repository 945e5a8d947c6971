package dev.eloquent.testkit;

/**
 * The whole kit. A driver's test class implements it and supplies {@link #target()}:
 * <pre>{@code
 * class SqliteConformanceTest implements DriverConformanceKit {
 *     public DriverTarget target() { return ...; }
 * }
 * }</pre>
 * Cases that need a capability the driver does not claim are skipped, visibly, with the reason; the
 * cases that check the refusal of such a capability are skipped where the driver claims it. The query
 * kits ({@link WhereKit} to {@link ReportKit}) run on the {@link MusicStore} dataset.
 */
public interface DriverConformanceKit extends CrudKit, QueryKit, TypesKit, TransactionKit, LifecycleKit, UpsertKit,
        WhereKit, SelectKit, OrderKit, JoinKit, AggregateKit, ReadKit, PagingKit, StreamingKit, WriteKit, TableQueryKit,
        RawSqlKit, QueryEventKit, ReportKit,
        ValueRulesKit, DdlLiteralKit, SecretsKit, ConcurrencyKit, MigrationKit, SeedKit, SchemaKit,
        RelationKit, PivotRelationKit, ThroughAndMorphRelationKit, ModelBehaviourKit, SoftDeleteKit, ScopeKit,
        CastKit, SerializationKit, DeclaredColumnsKit, SchemaVerifyKit {
}
