package dev.eloquent.driver.pg;

import dev.eloquent.sql.SqlDialect;
import dev.eloquent.sql.golden.DialectGoldenTest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQL text of every node and write on PostgreSQL: standard SQL with ILIKE for {@code like}.
 * Compile-only: no database. The cases and their parameters are {@code GoldenCases} (eloquent-sql's
 * test jar); each text below was read and checked by hand against the database's documentation.
 */
class PgGoldenTest extends DialectGoldenTest {
    @Override
    protected SqlDialect dialect() {
        return new PgDialect();
    }

    @Override
    protected boolean transactionalDdl() {
        return true;
    }

    @Override
    protected Map<String, String> expectedSql() {
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("select all",
                "SELECT * FROM \"tracks\"");
        sql.put("select columns, qualified, star and aliases",
                "SELECT \"name\", \"t\".\"id\" AS \"track_id\", \"albums\".* FROM \"tracks\" AS \"t\"");
        sql.put("distinct",
                "SELECT DISTINCT \"composer\" FROM \"tracks\"");
        sql.put("aggregates",
                "SELECT COUNT(*) AS \"n\", COUNT(DISTINCT \"composer\"), SUM(\"milliseconds\"), AVG(\"unit_price\"), MIN(\"t\".\"bytes\"), MAX(\"bytes\") FROM \"tracks\"");
        sql.put("arithmetic",
                "SELECT ((\"unit_price\" * ?) - ?) AS \"cost\", (\"a\" + \"b\"), (\"a\" / ?) FROM \"tracks\"");
        sql.put("scalar subquery",
                "SELECT \"title\", (SELECT COUNT(*) FROM \"tracks\" WHERE \"tracks\".\"album_id\" = \"albums\".\"id\") AS \"track_count\" FROM \"albums\"");
        sql.put("raw expression",
                "SELECT \"id\", length(name) + ? as long_name FROM \"tracks\"");
        sql.put("from subquery",
                "SELECT COUNT(*) FROM (SELECT * FROM \"tracks\" WHERE \"bytes\" > ?) AS \"big\"");
        sql.put("inner join",
                "SELECT \"tracks\".\"name\", \"albums\".\"title\" FROM \"tracks\" INNER JOIN \"albums\" ON \"albums\".\"id\" = \"tracks\".\"album_id\"");
        sql.put("left join with two on conditions",
                "SELECT * FROM \"tracks\" LEFT JOIN \"albums\" ON \"albums\".\"id\" = \"tracks\".\"album_id\" AND \"albums\".\"artist_id\" > ?");
        sql.put("right join",
                "SELECT * FROM \"tracks\" RIGHT JOIN \"albums\" ON \"albums\".\"id\" = \"tracks\".\"album_id\"");
        sql.put("cross join",
                "SELECT * FROM \"tracks\" CROSS JOIN \"genres\"");
        sql.put("self join with alias",
                "SELECT \"e\".\"last_name\", \"managers\".\"last_name\" AS \"manager\" FROM \"employees\" AS \"e\" LEFT JOIN \"employees\" AS \"managers\" ON \"managers\".\"id\" = \"e\".\"reports_to\"");
        sql.put("join subquery",
                "SELECT * FROM \"tracks\" INNER JOIN (SELECT * FROM \"albums\" WHERE \"artist_id\" = ?) AS \"a\" ON \"a\".\"id\" = \"tracks\".\"album_id\"");
        sql.put("where equals",
                "SELECT * FROM \"tracks\" WHERE \"name\" = ?");
        sql.put("every comparison",
                "SELECT * FROM \"tracks\" WHERE \"a\" <> ? AND \"b\" < ? AND \"c\" <= ? AND \"d\" > ? AND \"e\" >= ?");
        sql.put("and of or",
                "SELECT * FROM \"tracks\" WHERE \"a\" = ? AND (\"b\" = ? OR \"c\" = ?)");
        sql.put("or of and",
                "SELECT * FROM \"tracks\" WHERE (\"a\" = ? AND \"b\" = ?) OR \"c\" = ?");
        sql.put("empty or matches nothing",
                "SELECT * FROM \"tracks\" WHERE 1 = 0");
        sql.put("empty and inside or",
                "SELECT * FROM \"tracks\" WHERE 1 = 1 OR \"a\" = ?");
        sql.put("column compared with column",
                "SELECT * FROM \"tracks\" WHERE \"tracks\".\"bytes\" > \"tracks\".\"milliseconds\"");
        sql.put("in",
                "SELECT * FROM \"tracks\" WHERE \"genre_id\" IN (?, ?, ?)");
        sql.put("not in",
                "SELECT * FROM \"tracks\" WHERE \"genre_id\" NOT IN (?)");
        sql.put("in empty list",
                "SELECT * FROM \"tracks\" WHERE 1 = 0");
        sql.put("not in empty list",
                "SELECT * FROM \"tracks\" WHERE 1 = 1");
        sql.put("in subquery",
                "SELECT * FROM \"tracks\" WHERE \"genre_id\" IN (SELECT \"id\" FROM \"genres\" WHERE \"name\" = ?)");
        sql.put("not in subquery",
                "SELECT * FROM \"tracks\" WHERE \"genre_id\" NOT IN (SELECT \"id\" FROM \"genres\" WHERE \"name\" = ?)");
        sql.put("null and not null",
                "SELECT * FROM \"tracks\" WHERE \"composer\" IS NULL AND \"t\".\"album_id\" IS NOT NULL");
        sql.put("between and not between",
                "SELECT * FROM \"tracks\" WHERE \"bytes\" BETWEEN ? AND ? AND \"milliseconds\" NOT BETWEEN ? AND ?");
        sql.put("exists",
                "SELECT * FROM \"albums\" WHERE EXISTS (SELECT * FROM \"tracks\" WHERE \"tracks\".\"album_id\" = \"albums\".\"id\")");
        sql.put("not exists",
                "SELECT * FROM \"albums\" WHERE NOT EXISTS (SELECT * FROM \"tracks\" WHERE \"tracks\".\"album_id\" = \"albums\".\"id\")");
        sql.put("raw condition",
                "SELECT * FROM \"tracks\" WHERE \"a\" = ? AND (bytes % ? = 0 or name = ?)");
        sql.put("negated raw condition",
                "SELECT * FROM \"tracks\" WHERE NOT (bytes > ?)");
        sql.put("like",
                "SELECT * FROM \"tracks\" WHERE \"name\" ILIKE ?");
        sql.put("not like",
                "SELECT * FROM \"tracks\" WHERE \"name\" NOT ILIKE ?");
        sql.put("case-sensitive like",
                "SELECT * FROM \"tracks\" WHERE \"name\" LIKE ? AND \"composer\" NOT LIKE ?");
        sql.put("negated group",
                "SELECT * FROM \"tracks\" WHERE \"a\" <> ? OR \"b\" IS NOT NULL");
        sql.put("group by and having",
                "SELECT \"album_id\", COUNT(*) AS \"n\" FROM \"tracks\" GROUP BY \"album_id\" HAVING COUNT(*) > ?");
        sql.put("order by columns, aggregate and raw",
                "SELECT * FROM \"tracks\" ORDER BY \"name\" ASC, \"tracks\".\"id\" DESC, MAX(\"bytes\") DESC, length(name) - ?");
        sql.put("random order",
                "SELECT * FROM \"tracks\" ORDER BY RANDOM() ASC");
        sql.put("limit",
                "SELECT * FROM \"tracks\" LIMIT 10");
        sql.put("limit and offset",
                "SELECT * FROM \"tracks\" LIMIT 10 OFFSET 20");
        sql.put("offset without limit",
                "SELECT * FROM \"tracks\" OFFSET 20");
        sql.put("lock for update",
                "SELECT * FROM \"tracks\" WHERE \"id\" = ? FOR UPDATE");
        sql.put("shared lock",
                "SELECT * FROM \"tracks\" WHERE \"id\" = ? FOR SHARE");
        sql.put("everything",
                "SELECT DISTINCT \"t\".\"album_id\", COUNT(*) AS \"n\" FROM \"tracks\" AS \"t\" INNER JOIN \"albums\" ON \"albums\".\"id\" = \"t\".\"album_id\" WHERE \"t\".\"bytes\" > ? GROUP BY \"t\".\"album_id\" HAVING COUNT(*) >= ? ORDER BY COUNT(*) DESC LIMIT 5 OFFSET 5");
        sql.put("insert one row",
                "INSERT INTO \"tracks\" (\"name\", \"bytes\") VALUES (?, ?)");
        sql.put("insert many rows",
                "INSERT INTO \"tracks\" (\"name\", \"bytes\") VALUES (?, ?), (?, ?), (?, ?)");
        sql.put("insert returning keys",
                "INSERT INTO \"tracks\" (\"name\") VALUES (?), (?) RETURNING \"id\"");
        sql.put("insert defaults",
                "INSERT INTO \"tracks\" DEFAULT VALUES");
        sql.put("insert defaults returning key",
                "INSERT INTO \"tracks\" DEFAULT VALUES RETURNING \"id\"");
        sql.put("update",
                "UPDATE \"tracks\" SET \"name\" = ?, \"bytes\" = ? WHERE \"id\" = ?");
        sql.put("update increment",
                "UPDATE \"tracks\" SET \"plays\" = (\"plays\" + ?) WHERE \"id\" IN (?, ?)");
        sql.put("update every row",
                "UPDATE \"tracks\" SET \"bytes\" = ?");
        sql.put("update with subquery condition",
                "UPDATE \"tracks\" SET \"bytes\" = ? WHERE \"genre_id\" IN (SELECT \"id\" FROM \"genres\" WHERE \"name\" = ?)");
        sql.put("delete reading its own table",
                "DELETE FROM \"tracks\" WHERE \"id\" NOT IN (SELECT MAX(\"id\") FROM \"tracks\")");
        sql.put("delete",
                "DELETE FROM \"tracks\" WHERE \"bytes\" < ?");
        sql.put("delete every row",
                "DELETE FROM \"tracks\"");
        sql.put("upsert",
                "INSERT INTO \"tracks\" (\"id\", \"name\", \"bytes\") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"name\" = EXCLUDED.\"name\", \"bytes\" = EXCLUDED.\"bytes\"");
        sql.put("upsert keeping existing rows",
                "INSERT INTO \"tracks\" (\"id\", \"name\", \"bytes\") VALUES (?, ?, ?), (?, ?, ?) ON CONFLICT (\"id\") DO NOTHING");
        return sql;
    }
}
