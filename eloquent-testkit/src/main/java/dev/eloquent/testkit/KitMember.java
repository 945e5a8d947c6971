package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

import java.util.Set;

/** The model behaviour kit's guarded model: only name, email and credits are fillable; its timestamps are renamed. */
@Table("kit_members")
public final class KitMember extends Model<KitMember> {
    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 100);
        t.string("email", 100).nullable();
        t.bool("admin").defaultValue(false);
        t.integer("credits").defaultValue(0);
        t.timestamp("joined_at").nullable();
        t.timestamp("changed_at").nullable();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    protected Set<String> fillable() {
        return Set.of("name", "email", "credits");
    }

    @Override
    protected String createdAtColumn() {
        return "joined_at";
    }

    @Override
    protected String updatedAtColumn() {
        return "changed_at";
    }
}
