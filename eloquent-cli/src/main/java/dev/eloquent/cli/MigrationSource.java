package dev.eloquent.cli;

import dev.eloquent.api.ColumnChange;
import dev.eloquent.api.ColumnSpec;
import dev.eloquent.api.ForeignKey;
import dev.eloquent.api.IndexSpec;
import dev.eloquent.api.ReferentialAction;
import dev.eloquent.api.SchemaChange;
import dev.eloquent.api.SchemaNames;
import dev.eloquent.api.TableSpec;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Writes schema changes as the schema builder calls that record exactly those changes, one builder call
 * per change and in order: the compiled migration then records what a
 * {@link dev.eloquent.orm.migration.GeneratedMigration} of the same changes recorded, so both have one
 * checksum. Deterministic: the same changes always give the same text.
 */
final class MigrationSource {
    private static final String INDENT = "        ";

    private MigrationSource() {
    }

    /** The statements of a method body, each line indented for a method and ending in a newline. */
    static String statements(List<SchemaChange> changes) {
        StringBuilder out = new StringBuilder();
        changes.forEach(change -> out.append(statement(change)));
        return out.toString();
    }

    /** The same statements commented out, for changes the file shows but does not make. */
    static String commented(List<SchemaChange> changes) {
        return statements(changes).lines().map(line -> INDENT + "// " + line.substring(INDENT.length()) + "\n")
                .collect(Collectors.joining());
    }

    static String statement(SchemaChange change) {
        if (change instanceof SchemaChange.CreateTable create) {
            return createTable(create.table(), create.ifNotExists());
        }
        if (change instanceof SchemaChange.DropTable drop) {
            return INDENT + "schema." + (drop.ifExists() ? "dropIfExists" : "drop") + "(" + str(drop.table()) + ");\n";
        }
        if (change instanceof SchemaChange.RenameTable rename) {
            return INDENT + "schema.rename(" + str(rename.from()) + ", " + str(rename.to()) + ");\n";
        }
        if (change instanceof SchemaChange.AlterTable alter) {
            StringBuilder body = new StringBuilder();
            alter.changes().forEach(c -> body.append(INDENT).append("    ").append(columnChange(c)).append(";\n"));
            return alteration(alter.table(), body.toString());
        }
        if (change instanceof SchemaChange.CreateIndex index) {
            return alteration(index.table(), INDENT + "    " + index(index.table(),
                    new IndexSpec(index.name(), index.columns(), index.unique())) + ";\n");
        }
        if (change instanceof SchemaChange.DropIndex drop) {
            return alteration(drop.table(), INDENT + "    t.dropIndex(" + str(drop.name()) + ");\n");
        }
        if (change instanceof SchemaChange.AddForeignKey key) {
            return alteration(key.table(), INDENT + "    " + foreignKey(key.table(), key.foreignKey()) + ";\n");
        }
        SchemaChange.DropForeignKey drop = (SchemaChange.DropForeignKey) change;
        return alteration(drop.table(), INDENT + "    t.dropForeign(" + str(drop.name()) + ");\n");
    }

    private static String alteration(String table, String body) {
        return INDENT + "schema.table(" + str(table) + ", t -> {\n" + body + INDENT + "});\n";
    }

    private static String createTable(TableSpec table, boolean ifNotExists) {
        StringBuilder body = new StringBuilder();
        for (ColumnSpec column : table.columns()) {
            body.append(INDENT).append("    ").append(column("t", column, true)).append(";\n");
        }
        for (ForeignKey key : table.foreignKeys()) {
            body.append(INDENT).append("    ").append(foreignKey(table.name(), key)).append(";\n");
        }
        for (IndexSpec index : table.indexes()) {
            body.append(INDENT).append("    ").append(index(table.name(), index)).append(";\n");
        }
        return INDENT + "schema." + (ifNotExists ? "createIfNotExists" : "create") + "(" + str(table.name())
                + ", t -> {\n" + body + INDENT + "});\n";
    }

    private static String columnChange(ColumnChange change) {
        if (change instanceof ColumnChange.AddColumn add) {
            return column("t", add.column(), false);
        }
        if (change instanceof ColumnChange.ChangeColumn changed) {
            return column("t.change()", changed.column(), false);
        }
        if (change instanceof ColumnChange.DropColumn drop) {
            return "t.dropColumn(" + str(drop.name()) + ")";
        }
        ColumnChange.RenameColumn rename = (ColumnChange.RenameColumn) change;
        return "t.renameColumn(" + str(rename.from()) + ", " + str(rename.to()) + ")";
    }

    /** A column declaration with its modifiers; {@code create} says whether a key column can be declared. */
    static String column(String on, ColumnSpec c, boolean create) {
        String name = str(c.name());
        StringBuilder out = new StringBuilder(on).append('.').append(switch (c.type()) {
            case INCREMENTS -> "increments(" + name + ")";
            case BIG_INCREMENTS -> "bigIncrements(" + name + ")";
            case INTEGER -> "integer(" + name + ")";
            case BIG_INTEGER -> "bigInteger(" + name + ")";
            case STRING -> "string(" + name + ", " + c.length() + ")";
            case TEXT -> "text(" + name + ")";
            case BOOLEAN -> "bool(" + name + ")";
            case DECIMAL -> "decimal(" + name + ", " + c.precision() + ", " + c.scale() + ")";
            case DOUBLE -> "doublePrecision(" + name + ")";
            case JSON -> "json(" + name + ")";
            case DATE -> "date(" + name + ")";
            case TIMESTAMP -> "timestamp(" + name + ")";
            case TIMESTAMP_TZ -> "timestampTz(" + name + ")";
            case UUID -> "uuid(" + name + ")";
        });
        if (c.nullable()) {
            out.append(".nullable()");
        }
        if (c.hasDefault()) {
            out.append(".defaultValue(").append(literal(c.defaultValue())).append(')');
        }
        if (c.unique()) {
            out.append(".unique()");
        }
        if (c.index()) {
            out.append(".index()");
        }
        if (create && c.primary() && !c.autoIncrement()) {
            out.append(".primary()");
        }
        return out.toString();
    }

    private static String index(String table, IndexSpec index) {
        String columns = index.columns().stream().map(MigrationSource::str).collect(Collectors.joining(", "));
        if (index.name().equals(SchemaNames.index(table, index.columns(), index.unique()))) {
            return "t." + (index.unique() ? "unique" : "index") + "(" + columns + ")";
        }
        return "t.indexNamed(" + str(index.name()) + ", " + index.unique() + ", " + columns + ")";
    }

    private static String foreignKey(String table, ForeignKey key) {
        StringBuilder out = new StringBuilder("t.foreign(").append(strings(key.columns())).append(')');
        if (!key.refColumns().equals(List.of("id"))) {
            out.append(".references(").append(strings(key.refColumns())).append(')');
        }
        out.append(".on(").append(str(key.refTable())).append(')');
        if (key.onDelete() != ReferentialAction.NO_ACTION) {
            out.append(".onDelete(").append(str(key.onDelete().sql().toLowerCase(Locale.ROOT))).append(')');
        }
        if (!key.name().equals(SchemaNames.foreignKey(table, key.columns()))) {
            out.append(".name(").append(str(key.name())).append(')');
        }
        return out.toString();
    }

    /** A default as Java source giving the value of the same Java type (see ColumnType's Java types). */
    static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return str(s);
        }
        if (value instanceof Long l) {
            return l + "L";
        }
        if (value instanceof Integer || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "Double.valueOf(" + str(d.toString()) + ")" : d + "d";
        }
        if (value instanceof BigDecimal b) {
            return "new java.math.BigDecimal(" + str(b.toString()) + ")";
        }
        if (value instanceof UUID u) {
            return "java.util.UUID.fromString(" + str(u.toString()) + ")";
        }
        // LocalDate, LocalDateTime and OffsetDateTime print in the ISO form their parse reads back.
        return value.getClass().getName() + ".parse(" + str(value.toString()) + ")";
    }

    private static String strings(List<String> values) {
        return values.stream().map(MigrationSource::str).collect(Collectors.joining(", "));
    }

    static String str(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (ch < 0x20 || ch > 0x7e) {
                        out.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
