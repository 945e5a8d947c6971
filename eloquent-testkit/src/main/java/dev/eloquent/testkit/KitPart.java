package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

import java.util.Set;

/** Serialization kit: a gadget's part, which shows only the columns it makes {@code visible()}. */
@Table("kit_parts")
public final class KitPart extends Model<KitPart> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.integer("gadget_id");
        t.string("title", 50);
        t.decimal("weight", 8, 2).nullable();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    protected Set<String> visible() {
        return Set.of("id", "title", "weight");
    }
}
