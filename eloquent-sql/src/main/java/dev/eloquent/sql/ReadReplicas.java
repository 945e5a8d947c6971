package dev.eloquent.sql;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.eloquent.api.ConnectionName;
import dev.eloquent.api.ReadScope;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The read replicas of one SQL connection and the rule that sends a read to them (docs/scaling-out.md).
 * {@link SqlConnection} asks {@link #lease} for every read that may leave the primary (a select without
 * a lock, a raw SELECT, outside a transaction); the answer is a connection of the next reachable replica,
 * round-robin, or null: read on the primary. Null also inside {@link ReadScope#onPrimary} and, when the
 * connection is sticky, inside a {@link ReadScope#sticky} scope that wrote on this connection.
 *
 * <p>Each replica has its own HikariCP pool that makes no connection at start (a replica that is down
 * never fails the boot) and waits at most the replica's short connect timeout. A replica that cannot be
 * reached is skipped for a back-off ({@link ReplicaHealth}) and reported once, as a System.Logger warning
 * naming the connection and {@code host:port}, never a secret.
 */
final class ReadReplicas implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("dev.eloquent.sql");
    /** A raw statement that may read on a replica: a SELECT, without row locks and without INTO. */
    private static final Pattern PLAIN_SELECT = Pattern.compile("\\s*\\(*\\s*select\\b.*", Pattern.DOTALL);
    private static final Pattern NOT_PLAIN = Pattern.compile(
            "\\bfor\\s+(update|share|no\\s+key\\s+update|key\\s+share)\\b|\\block\\s+in\\s+share\\s+mode\\b|\\binto\\b");

    /** One replica: its pool and health. */
    static final class Member {
        final String address;
        final HikariDataSource pool;
        final ReplicaHealth health;

        Member(String address, HikariDataSource pool, ReplicaHealth health) {
            this.address = address;
            this.pool = pool;
            this.health = health;
        }
    }

    private final ConnectionName name;
    private final boolean sticky;
    private final int connectTimeoutSeconds;
    private final PoolSettings settings;
    private final List<Member> members;
    private final AtomicInteger next = new AtomicInteger();

    private ReadReplicas(PoolSettings settings, List<Member> members) {
        this.name = settings.connection();
        this.sticky = settings.replicas().sticky();
        this.connectTimeoutSeconds = settings.replicas().connectTimeoutSeconds();
        this.settings = settings;
        this.members = List.copyOf(members);
    }

    /** The replicas of the settings, their pools made but not connected; none when none are configured. */
    static ReadReplicas open(PoolSettings settings) {
        return open(settings, System::nanoTime);
    }

    static ReadReplicas open(PoolSettings settings, LongSupplier clock) {
        ReplicaSettings replicas = settings.replicas();
        List<Member> members = new ArrayList<>();
        try {
            int index = 1;
            for (ReplicaSettings.Replica replica : replicas.replicas()) {
                HikariConfig config = Pools.config("eloquent-" + settings.connection() + "-read-" + index++,
                        replica.jdbcUrl(), settings, replicas.properties(), replicas.connectTimeoutSeconds());
                // No connection at start (a replica that is down must not fail the boot) and none kept idle
                // (nothing keeps dialling a dead replica in the background).
                config.setInitializationFailTimeout(-1);
                config.setMinimumIdle(0);
                members.add(new Member(replica.address(), new HikariDataSource(config), new ReplicaHealth(clock)));
            }
        } catch (RuntimeException e) {
            members.forEach(m -> m.pool.close());
            throw e;
        }
        return new ReadReplicas(settings, members);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** Whether this read may leave the primary at all now (replicas exist and no scope holds it there). */
    boolean mayRead() {
        return !members.isEmpty() && !ReadScope.primaryRequired(name, sticky);
    }

    /**
     * A lease on the next reachable replica, or null: read on the primary. Replicas in back-off are passed
     * over; one that fails to give a connection is put in back-off (reported once) and the next is tried.
     */
    Lease lease() {
        if (!mayRead()) {
            return null;
        }
        int start = Math.floorMod(next.getAndIncrement(), members.size());
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get((start + i) % members.size());
            if (!member.health.tryUse()) {
                continue;
            }
            Connection connection;
            try {
                connection = member.pool.getConnection();
            } catch (SQLException e) {
                down(member, "could not be reached within " + connectTimeoutSeconds + "s ("
                        + SqlConnection.redact(SqlConnection.rootMessage(e), settings) + ")");
                continue;
            }
            if (member.health.succeeded()) {
                LOG.log(System.Logger.Level.INFO, "connection '" + name + "': read replica " + member.address
                        + " answers again; reads go to it");
            }
            Lease lease = new Lease(connection, null);
            lease.replica = member;
            return lease;
        }
        return null;
    }

    /** Before each write: a sticky scope reads on the primary from now on. */
    void wrote() {
        if (!members.isEmpty()) {
            ReadScope.wrote(name);
        }
    }

    /**
     * Whether a read that failed on a replica failed because the replica was lost (SQL state class 08, or
     * a server shutting down); then the replica goes into back-off and the read may run again on the primary.
     */
    boolean lost(Lease lease, String sqlState) {
        if (lease.replica == null || !lostState(sqlState)) {
            return false;
        }
        down(lease.replica, "stopped answering or dropped the connection during a read (SQL state " + sqlState
                + "); the read ran again on the primary");
        return true;
    }

    /** The replica a lease reads on, for messages: {@code host:port}. */
    static String address(Lease lease) {
        return lease.replica.address;
    }

    static boolean lostState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
    }

    private void down(Member member, String what) {
        if (member.health.failed()) {
            LOG.log(System.Logger.Level.WARNING, "connection '" + name + "': read replica " + member.address
                    + " is skipped: it " + what + "; reads go to the other replicas or the primary, and it is tried"
                    + " again after " + member.health.backoffSeconds() + "s. Reported once until it answers again.");
        }
    }

    /**
     * Whether raw SQL is a plain read a replica may answer: it starts with SELECT and has no row lock and
     * no INTO. Anything else (WITH, which may write on PostgreSQL; INSERT ... RETURNING; SELECT ... FOR
     * UPDATE) runs on the primary. A SELECT of a function that writes (nextval, get_lock) cannot be told
     * apart: run it with {@code onPrimary}.
     */
    static boolean plainRead(String sql) {
        String lower = sql.toLowerCase(Locale.ROOT);
        return PLAIN_SELECT.matcher(lower).matches() && !NOT_PLAIN.matcher(lower).find();
    }

    @Override
    public void close() {
        members.forEach(m -> m.pool.close());
    }
}
