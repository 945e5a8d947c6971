package dev.eloquent.testkit;

import dev.eloquent.orm.Model;
import dev.eloquent.orm.Table;

/**
 * {@code kit_items} seen through a model that declares no schema: no column checks and no casts, so
 * names and values reach the driver as written (what a quick model without {@code schema()} does).
 */
@Table("kit_items")
public final class KitLoose extends Model<KitLoose> {
}
