package dev.eloquent.sql;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which raw statements may read on a replica, and which failures mean the replica was lost. No server needed. */
class ReadRoutingTest {
    @Test
    void onlyAPlainSelectMayReadOnAReplica() {
        assertTrue(ReadReplicas.plainRead("select * from users where id = ?"));
        assertTrue(ReadReplicas.plainRead("  SELECT\n count(*) FROM t"));
        assertTrue(ReadReplicas.plainRead("(select 1) union (select 2)"));
        assertTrue(ReadReplicas.plainRead("select pg_is_in_recovery()"));
        assertFalse(ReadReplicas.plainRead("select * from t for update"));
        assertFalse(ReadReplicas.plainRead("select * from t FOR  SHARE"));
        assertFalse(ReadReplicas.plainRead("select * from t for no key update"));
        assertFalse(ReadReplicas.plainRead("select * from t lock in share mode"));
        assertFalse(ReadReplicas.plainRead("select * into copy from t"));
        assertFalse(ReadReplicas.plainRead("insert into t (a) values (?) returning id"));
        assertFalse(ReadReplicas.plainRead("with x as (delete from t returning *) select * from x"));
        assertFalse(ReadReplicas.plainRead("update t set a = 1"));
        assertFalse(ReadReplicas.plainRead("/* hint */ select 1"), "not recognised, so the primary: the safe side");
        assertFalse(ReadReplicas.plainRead("selection()"));
    }

    @Test
    void aLostReplicaIsAConnectionFailureOrAServerShuttingDown() {
        assertTrue(ReadReplicas.lostState("08006"));
        assertTrue(ReadReplicas.lostState("08S01"));
        assertTrue(ReadReplicas.lostState("57P01"));
        assertFalse(ReadReplicas.lostState("42P01"), "a missing table is the query's problem, not the replica's");
        assertFalse(ReadReplicas.lostState("25006"));
        assertFalse(ReadReplicas.lostState(null));
    }
}
