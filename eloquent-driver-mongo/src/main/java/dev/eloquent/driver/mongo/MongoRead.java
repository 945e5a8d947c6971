package dev.eloquent.driver.mongo;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;

/**
 * A compiled read: a {@code find} (filter, projection, sort, skip, limit) or an aggregation pipeline.
 * Documents may hold {@link Param}s; {@link Param#unwrap} gives what is sent.
 *
 * @param columns the result's column names, or null when they come from the documents (a read of every field)
 * @param fields  the document field holding each column (same size as columns), or null with them
 * @param emptyRow the one row an aggregate without groupBy returns over no documents, as SQL's
 *                 {@code SELECT COUNT(*)} does (a {@code $group} returns nothing there); null otherwise
 */
sealed interface MongoRead {
    String collection();

    List<String> columns();

    List<String> fields();

    /** The command's shape with values as {@code "?"}: what query events and error messages show. */
    String shape();

    /** The values, in order, for a listener that asked for them. */
    List<Object> bindings();

    record Find(String collection, Document filter, Document projection, Document sort, Integer skip, Integer limit,
                List<String> columns, List<String> fields) implements MongoRead {
        @Override
        public String shape() {
            StringBuilder text = new StringBuilder("find ").append(collection).append(' ').append(Param.shape(filter));
            if (projection != null) {
                text.append(" projection ").append(Param.shape(projection));
            }
            if (!sort.isEmpty()) {
                text.append(" sort ").append(Param.shape(sort));
            }
            if (skip != null) {
                text.append(" skip ").append(skip);
            }
            if (limit != null) {
                text.append(" limit ").append(limit);
            }
            return text.toString();
        }

        @Override
        public List<Object> bindings() {
            List<Object> values = new ArrayList<>();
            Param.collect(filter, values);
            return values;
        }
    }

    record Aggregate(String collection, List<Document> pipeline, List<String> columns, List<String> fields,
                     Object[] emptyRow) implements MongoRead {
        @Override
        public String shape() {
            return "aggregate " + collection + " " + Param.shape(pipeline);
        }

        @Override
        public List<Object> bindings() {
            List<Object> values = new ArrayList<>();
            Param.collect(pipeline, values);
            return values;
        }
    }
}
