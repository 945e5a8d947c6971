package dev.eloquent.cli;

import dev.eloquent.cli.Targeting.Flags;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The targeting contract of issue 9, rule by rule, with no database. */
class TargetingTest {
    private static final Set<String> ALL = Set.of("mysql", "pg", "sqlite", "mongo");

    private static Flags flags(String... given) {
        List<String> g = List.of(given);
        return new Flags(g.contains("mysql"), g.contains("pg"), g.contains("sqlite"), g.contains("mongo"),
                g.contains("all"));
    }

    @Test
    void noFlagMeansTheDefaultConnection() {
        assertEquals(List.of("pg"), Targeting.connections(Flags.none(), "pg", ALL));
        assertEquals(List.of("sqlite"), Targeting.connections(Flags.none(), "sqlite", ALL));
    }

    @Test
    void oneDriverFlagMeansThatConnection() {
        assertEquals(List.of("mysql"), Targeting.connections(flags("mysql"), "sqlite", ALL));
        assertEquals(List.of("pg"), Targeting.connections(flags("pg"), "sqlite", ALL));
        assertEquals(List.of("sqlite"), Targeting.connections(flags("sqlite"), "pg", ALL));
    }

    @Test
    void twoDriverFlagsAreAUsageErrorThatNamesTheWayOut() {
        UsageException e = assertThrows(UsageException.class,
                () -> Targeting.connections(flags("mysql", "pg"), "sqlite", ALL));
        assertTrue(e.getMessage().contains("choose one of --mysql, --pg, --sqlite"), e.getMessage());
        assertTrue(e.getMessage().contains("--all-connections"), e.getMessage());
        assertTrue(e.getMessage().contains("--mysql --pg"), e.getMessage());
        assertThrows(UsageException.class, () -> Targeting.checkFlags(flags("pg", "sqlite", "mysql")));
    }

    @Test
    void allConnectionsIsEverySqlDriverOnThePathAndNeverMongo() {
        assertEquals(List.of("mysql", "pg", "sqlite"), Targeting.connections(flags("all"), "mongo", ALL));
        assertEquals(List.of("sqlite"), Targeting.connections(flags("all"), "sqlite", Set.of("sqlite", "mongo")));
    }

    @Test
    void allConnectionsWithADriverFlagIsAUsageError() {
        UsageException e = assertThrows(UsageException.class,
                () -> Targeting.connections(flags("all", "pg"), "sqlite", ALL));
        assertTrue(e.getMessage().contains("--pg"), e.getMessage());
    }

    @Test
    void allConnectionsWithoutAnySqlDriverSaysSo() {
        UsageException e = assertThrows(UsageException.class,
                () -> Targeting.connections(flags("all"), "mongo", Set.of("mongo")));
        assertTrue(e.getMessage().contains("no SQL driver"), e.getMessage());
    }

    @Test
    void mongoOnlyWhenAskedFor() {
        assertEquals(List.of("mongo"), Targeting.connections(flags("mongo"), "sqlite", ALL));
        assertEquals(List.of("mysql", "pg", "sqlite", "mongo"), Targeting.connections(flags("all", "mongo"), "sqlite", ALL));
        assertEquals(List.of("pg", "mongo"), Targeting.connections(flags("pg", "mongo"), "sqlite", ALL));
    }

    @Test
    void aTargetWhoseDriverIsMissingIsRefusedNamingTheArtifact() {
        UsageException e = assertThrows(UsageException.class,
                () -> Targeting.connections(flags("pg"), "sqlite", Set.of("sqlite")));
        assertTrue(e.getMessage().contains("eloquent-driver-pg"), e.getMessage());
    }
}
