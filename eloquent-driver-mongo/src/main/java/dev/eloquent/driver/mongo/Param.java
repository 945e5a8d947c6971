package dev.eloquent.driver.mongo;

import org.bson.Document;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A user value inside a compiled command, already in its BSON form. Compilers wrap every value in a
 * Param so that one walk of the command gives the document sent to MongoDB ({@link #unwrap}), another
 * its shape for query events and error messages with each value printed as {@code "?"} ({@link #shape}),
 * and a third the values in order, for listeners that asked for them ({@link #collect}). Nothing inside
 * a Param is ever read as structure: a Map value is a literal document, never an operator.
 */
record Param(Object value) {
    /** The node with every Param replaced by its value: what the MongoDB client sends. */
    static Object unwrap(Object node) {
        if (node instanceof Param param) {
            return param.value;
        }
        if (node instanceof Map<?, ?> map) {
            Document copy = new Document();
            map.forEach((key, nested) -> copy.append((String) key, unwrap(nested)));
            return copy;
        }
        if (node instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(element -> copy.add(unwrap(element)));
            return copy;
        }
        return node;
    }

    static Document unwrap(Document document) {
        return (Document) unwrap((Object) document);
    }

    /** The node as relaxed JSON with every value written {@code "?"}: safe to log and to put in messages. */
    static String shape(Object node) {
        StringBuilder text = new StringBuilder();
        shape(node, text);
        return text.toString();
    }

    private static void shape(Object node, StringBuilder text) {
        if (node instanceof Map<?, ?> map) {
            text.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                text.append(first ? "" : ", ");
                first = false;
                quote(String.valueOf(entry.getKey()), text);
                text.append(": ");
                shape(entry.getValue(), text);
            }
            text.append('}');
        } else if (node instanceof List<?> list) {
            text.append('[');
            for (int i = 0; i < list.size(); i++) {
                text.append(i == 0 ? "" : ", ");
                shape(list.get(i), text);
            }
            text.append(']');
        } else if (node instanceof String structural) {
            quote(structural, text); // field paths and names: identifiers, checked by the api
        } else if (node == null || node instanceof Boolean || node instanceof Integer || node instanceof Long) {
            text.append(node); // structure: sort directions, projection flags, $limit counts
        } else {
            text.append("\"?\""); // a Param, or anything unexpected: never printed
        }
    }

    private static void quote(String value, StringBuilder text) {
        text.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                text.append('\\');
            }
            text.append(c);
        }
        text.append('"');
    }

    /** Every Param's value in document order, as JDK types. */
    static void collect(Object node, List<Object> values) {
        if (node instanceof Param param) {
            values.add(MongoValues.fromBson(param.value));
        } else if (node instanceof Map<?, ?> map) {
            map.values().forEach(nested -> collect(nested, values));
        } else if (node instanceof List<?> list) {
            list.forEach(element -> collect(element, values));
        }
    }

    @Override
    public String toString() {
        return "?";
    }
}
