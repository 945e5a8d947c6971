package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProductionGuardTest {
    private static void check(boolean production, boolean allowed, boolean force, boolean yes,
                              java.util.function.Predicate<String> ask) {
        ProductionGuard.check("migrate:fresh", "drops every table on pg", production, allowed, force, yes, ask);
    }

    @Test
    void productionNeedsTheEnvKeyAndBothFlags() {
        for (boolean[] c : new boolean[][]{{false, true, true}, {true, false, true}, {true, true, false}, {false, false, false}}) {
            EloquentException e = assertThrows(EloquentException.class, () -> check(true, c[0], c[1], c[2], q -> true));
            assertTrue(e.getMessage().contains("APP_ENV is production"), e.getMessage());
            assertTrue(e.getMessage().contains("ELOQUENT_ALLOW_PROD_DESTRUCTIVE=true"), e.getMessage());
        }
        assertDoesNotThrow(() -> check(true, true, true, true, null));
    }

    @Test
    void productionNeverAsksEvenOnATerminal() {
        List<String> asked = new ArrayList<>();
        assertThrows(EloquentException.class, () -> check(true, false, false, false, q -> asked.add(q)));
        assertEquals(List.of(), asked);
    }

    @Test
    void elsewhereWithoutATerminalYesIsNeeded() {
        EloquentException e = assertThrows(EloquentException.class, () -> check(false, false, false, false, null));
        assertTrue(e.getMessage().contains("--yes"), e.getMessage());
        assertDoesNotThrow(() -> check(false, false, false, true, null));
    }

    @Test
    void elsewhereOnATerminalTheAnswerDecides() {
        List<String> asked = new ArrayList<>();
        assertDoesNotThrow(() -> check(false, false, false, false, q -> asked.add(q)));
        assertTrue(asked.get(0).contains("drops every table on pg"), asked.toString());
        EloquentException e = assertThrows(EloquentException.class, () -> check(false, false, false, false, q -> false));
        assertTrue(e.getMessage().contains("not confirmed"), e.getMessage());
    }
}
