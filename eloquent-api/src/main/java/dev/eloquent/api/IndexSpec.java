package dev.eloquent.api;

import java.util.List;

/** An index declared with its table ({@code t.index("album_id", "name")}, {@code t.unique(...)}): one or more columns. */
public record IndexSpec(String name, List<String> columns, boolean unique) {
    public IndexSpec {
        Identifiers.check(name, "index");
        columns = SchemaNames.checkColumns(columns, "index " + name);
    }
}
