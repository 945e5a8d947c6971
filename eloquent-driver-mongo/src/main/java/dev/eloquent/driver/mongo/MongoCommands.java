package dev.eloquent.driver.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoCommandException;
import com.mongodb.MongoException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.MongoWriteException;
import com.mongodb.WriteError;
import com.mongodb.bulk.BulkWriteError;
import dev.eloquent.api.ConnectionException;
import dev.eloquent.api.EloquentException;
import dev.eloquent.api.QueryEvent;
import dev.eloquent.api.QueryException;
import dev.eloquent.api.QueryListener;
import dev.eloquent.api.UniqueViolationException;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the connection's MongoDB commands: times each, reports it to the listener as a
 * {@link QueryEvent} (its shape with values as {@code "?"}; values only for a listener that asked), and
 * turns the client's exceptions into ours. MongoDB's messages may quote values (a duplicate key's
 * {@code dup key: { email: "..." }}, the {@code _id} of a document {@code $inc} could not change), so
 * they are not kept, as text or as cause: an error names the connection, the collection, the server's
 * error code and name, the index for a duplicate key, and the command's shape.
 */
final class MongoCommands {
    /** {@code E11000 duplicate key error collection: db.c index: NAME dup key: ...}: the index name only. */
    private static final Pattern INDEX = Pattern.compile(" index: (\\S+)");
    private final MongoSettings settings;
    private volatile QueryListener listener;

    MongoCommands(MongoSettings settings) {
        this.settings = settings;
    }

    void listen(QueryListener listener) {
        this.listener = listener;
    }

    /** A command that is a statement: {@code shape} and {@code bindings} are computed only when needed. */
    interface Command {
        String collection();

        String shape();

        List<Object> bindings();
    }

    static Command command(String collection, String shape, Supplier<List<Object>> bindings) {
        return new Command() {
            @Override
            public String collection() {
                return collection;
            }

            @Override
            public String shape() {
                return shape;
            }

            @Override
            public List<Object> bindings() {
                return bindings.get();
            }
        };
    }

    /** Runs the work as one command: the event carries {@code rows.applyAsLong(result)}. */
    <T> T run(Command command, Supplier<T> work, ToLongFunction<T> rows) {
        long start = System.nanoTime();
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            throw translate(e, command);
        }
        report(command, System.nanoTime() - start, rows.applyAsLong(result));
        return result;
    }

    void report(Command command, long nanos, long rows) {
        QueryListener current = listener;
        if (current != null) {
            current.statement(new QueryEvent(settings.connection(), command.shape(),
                    current.wantsBindings() ? command.bindings() : List.of(), Duration.ofNanos(nanos), rows));
        }
    }

    /** Our exception for the client's; never keeps the client's exception or its message. */
    RuntimeException translate(RuntimeException e, Command command) {
        if (e instanceof EloquentException ours) {
            return ours;
        }
        String connection = settings.connection().toString();
        String where = "on connection '" + connection + "' (collection '" + command.collection() + "', statement: "
                + command.shape() + ")";
        if (e instanceof MongoTimeoutException || e instanceof MongoSocketException) {
            return new ConnectionException("connection '" + connection + "' lost MongoDB at " + settings.describe()
                    + " (" + e.getClass().getSimpleName() + ") " + where + "; check " + settings.uriKey());
        }
        Integer code = null;
        String codeName = null;
        String serverMessage = null;
        if (e instanceof MongoWriteException write) {
            WriteError error = write.getError();
            code = error.getCode();
            serverMessage = error.getMessage();
        } else if (e instanceof MongoBulkWriteException bulk && !bulk.getWriteErrors().isEmpty()) {
            BulkWriteError error = bulk.getWriteErrors().get(0);
            code = error.getCode();
            serverMessage = error.getMessage();
        } else if (e instanceof MongoCommandException commandError) {
            code = commandError.getErrorCode();
            codeName = commandError.getErrorCodeName();
            serverMessage = commandError.getErrorMessage();
        } else if (e instanceof MongoException mongo) {
            code = mongo.getCode();
        }
        if (code != null && ErrorCategory.fromErrorCode(code) == ErrorCategory.DUPLICATE_KEY) {
            String index = index(serverMessage);
            return new UniqueViolationException("duplicate key: a document with the same "
                    + (index != null ? "value of unique index '" + index + "'" : "unique key")
                    + " already exists " + where, connection, command.collection(), String.valueOf(code), index);
        }
        String reason = e.getClass().getSimpleName() + (code != null ? " code " + code : "")
                + (codeName != null && !codeName.isEmpty() ? " " + codeName : "");
        return new QueryException("mongo refused the command " + where + ": " + reason, connection,
                command.collection(), code != null ? String.valueOf(code) : null);
    }

    /** The index named in a duplicate-key message; the {@code dup key: {...}} part, which holds the value, is left out. */
    static String index(String serverMessage) {
        if (serverMessage == null) {
            return null;
        }
        Matcher matcher = INDEX.matcher(serverMessage);
        return matcher.find() ? matcher.group(1) : null;
    }
}
