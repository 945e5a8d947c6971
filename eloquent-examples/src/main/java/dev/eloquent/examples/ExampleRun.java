package dev.eloquent.examples;

import dev.eloquent.orm.Schema;
import dev.eloquent.orm.SqlModel;
import dev.eloquent.orm.Table;

/** One row per run of the example, so a second run can say it is the second. */
@Table("example_runs")
public final class ExampleRun extends SqlModel<ExampleRun> {
    private static final Schema SCHEMA = Schema.of(t -> {
        t.increments("id");
        t.timestamps();
    });

    @Override
    public Schema schema() {
        return SCHEMA;
    }
}
