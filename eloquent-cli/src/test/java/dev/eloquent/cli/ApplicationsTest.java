package dev.eloquent.cli;

import dev.eloquent.api.EloquentException;
import dev.eloquent.orm.Eloquent;
import dev.eloquent.orm.EloquentApplication;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ApplicationsTest {
    static final class First implements EloquentApplication {
        @Override
        public void models(Eloquent.Builder builder) {
        }
    }

    static final class Second implements EloquentApplication {
        @Override
        public void models(Eloquent.Builder builder) {
        }
    }

    @Test
    void noneFoundNamesTheServiceToProvide() {
        EloquentException e = assertThrows(EloquentException.class, () -> Applications.choose(List.of()));
        assertTrue(e.getMessage().contains("provide the service dev.eloquent.orm.EloquentApplication"), e.getMessage());
        assertTrue(e.getMessage().contains("META-INF/services/dev.eloquent.orm.EloquentApplication"), e.getMessage());
    }

    @Test
    void severalFoundAreNamed() {
        EloquentException e = assertThrows(EloquentException.class,
                () -> Applications.choose(List.of(new First(), new Second())));
        assertTrue(e.getMessage().contains(First.class.getName()) && e.getMessage().contains(Second.class.getName()),
                e.getMessage());
    }

    @Test
    void exactlyOneIsChosen() {
        First only = new First();
        assertSame(only, Applications.choose(List.of(only)));
    }

    @Test
    void theCliItselfProvidesNoApplication() {
        // No provider is on this module's test path: the real lookup fails with the same message.
        EloquentException e = assertThrows(EloquentException.class, Applications::find);
        assertTrue(e.getMessage().contains("no application found"), e.getMessage());
    }
}
