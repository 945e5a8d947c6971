package dev.eloquent.orm;

import dev.eloquent.api.Blueprint;
import dev.eloquent.api.TableSpec;

import java.util.function.Consumer;

/**
 * A model's declared columns: {@code Schema.of(t -> { t.increments("id"); t.string("name", 120); t.timestamps(); })}.
 * The declaration is validated when the model registers; the ORM then casts every value read or set to
 * its column's Java type and refuses unknown column names.
 */
public final class Schema {
    private final Consumer<Blueprint> declaration;

    private Schema(Consumer<Blueprint> declaration) {
        this.declaration = declaration;
    }

    public static Schema of(Consumer<Blueprint> declaration) {
        return new Schema(declaration);
    }

    /** The table this schema describes under the given name. */
    public TableSpec toTable(String table) {
        Blueprint blueprint = new Blueprint();
        declaration.accept(blueprint);
        return blueprint.build(table);
    }
}
