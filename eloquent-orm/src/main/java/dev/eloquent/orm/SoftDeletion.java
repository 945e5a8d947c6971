package dev.eloquent.orm;

import dev.eloquent.api.DatabaseConnection;
import dev.eloquent.api.Expression;
import dev.eloquent.api.Write;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soft delete of one model: one update of its row by the stored key setting {@code deleted_at} (and
 * its updated timestamp when the model keeps one) to now, as the connection stores it; the model keeps
 * the values, stays {@link Model#exists()} (its row is still there) and is {@link Model#trashed()}. Other
 * unsaved changes of the model stay unsaved, as with an increment.
 */
final class SoftDeletion {
    private SoftDeletion() {
    }

    /** Called by {@link Persistence#delete(Model, boolean)}, which fires "deleting" before and "deleted" after. */
    static <M extends Model<M>> boolean delete(Eloquent db, M model) {
        ModelType<M> type = model.type();
        DatabaseConnection connection = db.connectionFor(type);
        ChronoUnit precision = connection.timestampPrecision();
        Object now = Persistence.stored(precision, type.castForWrite(type.scopes().deletedAt(), db.now()));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put(type.scopes().deletedAt(), now);
        if (type.updatedAt() != null) {
            values.put(type.updatedAt(), Persistence.stored(precision, db.now()));
        }
        List<Write.Assignment> assignments = new ArrayList<>();
        values.forEach((column, value) -> assignments.add(new Write.Assignment(column, Expression.value(value))));
        long updated = Persistence.write(connection,
                new Write.Update(Persistence.keyQuery(type, model.originalKey()), assignments)).affected();
        if (updated == 0) {
            throw Persistence.goneMissing("deleting", type);
        }
        Map<String, Object> attributes = model.mutableAttributes();
        values.forEach((column, value) -> {
            attributes.put(column, value);
            model.syncOriginal(column);
        });
        return true;
    }
}
