package dev.eloquent.testkit;

import dev.eloquent.orm.Cast;
import dev.eloquent.orm.Casts;
import dev.eloquent.orm.HasMany;
import dev.eloquent.orm.Model;
import dev.eloquent.orm.Schema;
import dev.eloquent.orm.Table;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Cast and serialization kits: one column per cast, two hidden ones, an appended label and parts. A
 * plain {@link Model}, so SQL and document drivers run the same cases.
 */
@Table("kit_gadgets")
public final class KitGadget extends Model<KitGadget> {
    public enum Level { LOW, HIGH }

    /** Stored by a code of its own, not by name. */
    public enum Size {
        SMALL(1), LARGE(9);
        private final int code;

        Size(int code) {
            this.code = code;
        }

        public int code() {
            return code;
        }
    }

    /** A custom cast: money seen as a two-place decimal, stored as whole cents. */
    public static final class Cents implements Cast<BigDecimal> {
        @Override
        public BigDecimal get(Object stored) {
            return BigDecimal.valueOf(((Number) stored).longValue(), 2);
        }

        @Override
        public Object set(BigDecimal value) {
            return value.movePointRight(2).longValueExact();
        }
    }

    static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.string("name", 50);
        t.string("level", 10).nullable();
        t.integer("size").nullable();
        t.json("meta").nullable();
        t.string("count_text", 10).nullable();
        t.decimal("price", 10, 2).nullable();
        t.integer("flag").nullable();
        t.string("day", 10).nullable();
        t.timestamp("seen_at").nullable();
        t.text("secret").nullable();
        t.bigInteger("cost").nullable();
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }

    @Override
    protected Map<String, Cast<?>> casts() {
        Map<String, Cast<?>> casts = new LinkedHashMap<>();
        casts.put("level", Casts.enumByName(Level.class));
        casts.put("size", Casts.enumByValue(Size.class, Size::code));
        casts.put("meta", Casts.json());
        casts.put("count_text", Casts.integer());
        casts.put("price", Casts.decimal(2));
        casts.put("flag", Casts.bool());
        casts.put("day", Casts.date());
        casts.put("seen_at", Casts.instant());
        casts.put("secret", Casts.encrypted());
        casts.put("cost", new Cents());
        return casts;
    }

    @Override
    protected Set<String> hidden() {
        return Set.of("secret", "cost");
    }

    @Override
    protected Map<String, Function<KitGadget, Object>> appends() {
        return Map.of("label", gadget -> gadget.getString("name").toUpperCase(java.util.Locale.ROOT));
    }

    public HasMany<KitGadget, KitPart> parts() {
        return hasMany(KitPart.class, "gadget_id");
    }
}
