package org.mbmskeys.adapters.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;
import org.mbmskeys.mbms.bmsc.distribution.PushKind;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.AckExpectation;

/**
 * What {@link JdbcInstanceStore} keeps across a restart (a new store on a new pool, as a new process has): every
 * record with its inputs, variables, deadlines, retry counters and failure, read back equal; nothing of a removed
 * instance, of another node, of a procedure kept in memory only, or of a record with a value it cannot write.
 */
abstract class InstanceStoreContract {

    static final Instant T0 = Instant.parse("2026-12-04T22:00:00Z");
    static final String PUSH = "bmsc.msk-push";

    private final List<Database> opened = new ArrayList<>();

    abstract Backend backend();

    JdbcInstanceStore store(String node) {
        Database db = backend().open();
        opened.add(db);
        return JdbcInstanceStore.builder(db, node).values(InstanceValues.bmsc())
                .durable(procedure -> !procedure.equals("bmsc.mtk-delivery")).build();
    }

    @AfterEach
    void closeAll() {
        opened.forEach(Database::close);
    }

    static PreparedPush push() {
        Bytes idi = Bytes.wrap("bmsc.example.org".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        Bytes idr = Bytes.wrap("I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        return new PreparedPush("001010000000001@ims.mnc001.mcc001.3gppnetwork.org", MskRef.parse("001-01/01010002"),
                PushKind.DELIVERY, KeyValidity.of(10, 20), Bytes.ofHex("0100010203ff"), Endpoint.of("127.0.0.1", 40001),
                Optional.of(new AckExpectation(CsbId.of(0x0a0b0c0d), Bytes.ofHex("00112233445566778899aabbccddeeff"), idi,
                        idr, TimestampCounter.of(8))),
                CsbId.of(0x0a0b0c0d), TimestampCounter.of(8), new MukId(idi, idr), 2,
                List.of(TimestampCounter.of(7), TimestampCounter.of(8)), T0.plusMillis(1234));
    }

    static InstanceRecord pushRecord(String key) {
        return InstanceRecord.of(PUSH, 3, "9f86d081884c7d65", key, "pushing",
                Map.of("ue", "001010000000001@ims.mnc001.mcc001.3gppnetwork.org", "msk", "001-01/01010002",
                        "kind", "DELIVER"),
                Map.of("push", push()),
                List.of(new InstanceRecord.Deadline("pushing", "resend", T0.plusSeconds(6))),
                Map.of("pushing", 2), Optional.empty());
    }

    static List<InstanceRecord> all(JdbcInstanceStore store) {
        List<InstanceRecord> out = new ArrayList<>();
        store.forEach(out::add);
        return out;
    }

    static void assertSameContent(InstanceRecord actual, InstanceRecord expected) {
        assertThat(actual.procedure()).isEqualTo(expected.procedure());
        assertThat(actual.version()).isEqualTo(expected.version());
        assertThat(actual.fingerprint()).isEqualTo(expected.fingerprint());
        assertThat(actual.key()).isEqualTo(expected.key());
        assertThat(actual.state()).isEqualTo(expected.state());
        assertThat(actual.inputs()).isEqualTo(expected.inputs());
        assertThat(actual.variables()).isEqualTo(expected.variables());
        assertThat(actual.deadlines()).isEqualTo(expected.deadlines());
        assertThat(actual.attempts()).isEqualTo(expected.attempts());
        assertThat(actual.failure()).isEqualTo(expected.failure());
    }

    @Test
    void aPushAwaitingItsAcknowledgementIsReadBackWholeByTheNextProcess() {
        InstanceRecord record = pushRecord("ue-1|001-01/01010002|DELIVER");
        store("node-a").save(record);

        List<InstanceRecord> taken = all(store("node-a"));

        assertThat(taken).hasSize(1);
        assertSameContent(taken.get(0), record);
    }

    @Test
    void everyBuiltInValueIsReadBackEqual() {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        variables.put("text", "ünïcode and | bars");
        variables.put("count", 7);
        variables.put("big", Long.MAX_VALUE);
        variables.put("flag", Boolean.TRUE);
        variables.put("pause", Duration.ofMillis(2500));
        variables.put("at", T0.plusNanos(17));
        variables.put("octets", Bytes.ofHex("deadbeef"));
        variables.put("list", List.of("a", 1, List.of(2L)));
        variables.put("none", null);
        InstanceRecord record = InstanceRecord.of("ue.msk-request", 1, null, 42L, "waiting", Map.of("ue", "alice"),
                variables, List.of(), Map.of(), Optional.of("java.lang.IllegalStateException: why"));
        store("node-a").save(record);

        List<InstanceRecord> taken = all(store("node-a"));

        assertThat(taken).hasSize(1);
        assertSameContent(taken.get(0), record);
        assertThat(taken.get(0).variables()).containsKey("none");
    }

    @Test
    void aSavedRecordIsReplacedNotAddedAndARemovedOneIsGone() {
        JdbcInstanceStore store = store("node-a");
        InstanceRecord first = pushRecord("one");
        store.save(first);
        InstanceRecord moved = InstanceRecord.of(PUSH, 3, "9f86d081884c7d65", "one", "pushing", first.inputs(),
                first.variables(), List.of(new InstanceRecord.Deadline("pushing", "resend", T0.plusSeconds(14))),
                Map.of("pushing", 3), Optional.empty());
        store.save(moved);
        store.save(pushRecord("two"));
        store.remove(PUSH, "two");

        List<InstanceRecord> taken = all(store("node-a"));

        assertThat(taken).hasSize(1);
        assertSameContent(taken.get(0), moved);
        assertThat(rowCount()).isEqualTo(1);
    }

    @Test
    void aNodeTakesOverOnlyItsOwnRowsThoughAnotherRunsTheSameKey() {
        store("node-a").save(pushRecord("of-a"));
        store("node-a").save(pushRecord("both"));
        InstanceRecord onB = InstanceRecord.of(PUSH, 3, "9f86d081884c7d65", "both", "pushing", Map.of(), Map.of(),
                List.of(), Map.of(), Optional.empty());
        store("node-b").save(onB);

        assertThat(all(store("node-a"))).extracting(InstanceRecord::key).containsExactlyInAnyOrder("of-a", "both");
        List<InstanceRecord> ofB = all(store("node-b"));
        assertThat(ofB).hasSize(1);
        assertSameContent(ofB.get(0), onB);
    }

    @Test
    void aProcedureKeptInMemoryOnlyIsNotWritten() {
        JdbcInstanceStore store = store("node-a");
        InstanceRecord mtk = InstanceRecord.of("bmsc.mtk-delivery", 1, "ab", "news-live", "delivering",
                Map.of("session", "news-live"), Map.of(), List.of(new InstanceRecord.Deadline("delivering", "resend",
                        T0.plusSeconds(5))), Map.of(), Optional.empty());
        store.save(mtk);

        assertThat(store.load("bmsc.mtk-delivery", "news-live")).as("this process runs it").isPresent();
        assertThat(all(store("node-a"))).as("the next process starts it from its configuration").isEmpty();
        assertThat(rowCount()).isZero();
    }

    @Test
    void aValueOfNoKnownTypeIsRefusedByNameAndNothingIsWritten() {
        JdbcInstanceStore store = store("node-a");
        InstanceRecord odd = InstanceRecord.of(PUSH, 1, "ab", "odd", "pushing", Map.of(), Map.of("when",
                java.time.LocalDate.of(2026, 12, 4)), List.of(), Map.of(), Optional.empty());
        InstanceRecord secret = InstanceRecord.of(PUSH, 1, "ab", "secret", "pushing", Map.of(), Map.of("msk",
                SecretBytes.ofHex("000102030405060708090a0b0c0d0e0f")), List.of(), Map.of(), Optional.empty());

        assertThatThrownBy(() -> store.save(odd)).isInstanceOf(UnstorableValueException.class)
                .hasMessageContaining("bmsc.msk-push[odd]: variable 'when'").hasMessageContaining("java.time.LocalDate");
        assertThatThrownBy(() -> store.save(secret)).isInstanceOf(UnstorableValueException.class)
                .hasMessageContaining("variable 'msk'").hasMessageContaining("key material")
                .hasMessageNotContaining("000102");
        assertThat(store.load(PUSH, "odd")).isEmpty();
        assertThat(rowCount()).isZero();
    }

    @Test
    void aRowThatCannotBeReadIsLeftInTheTableAndTheOthersAreTakenOver() {
        store("node-a").save(pushRecord("good"));
        Database db = backend().open();
        opened.add(db);
        db.inTransaction(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into engine_instance (procedure_name, instance_key, "
                    + "node, state, next_deadline, body) values (?, ?, ?, ?, ?, ?)")) {
                s.setString(1, PUSH);
                s.setString(2, "s:bad");
                s.setString(3, "node-a");
                s.setString(4, "pushing");
                s.setNull(5, java.sql.Types.BIGINT);
                byte[] truncated = Arrays.copyOf(new InstanceRecordCodec(InstanceValues.bmsc()).encode(pushRecord("bad")), 40);
                s.setBytes(6, truncated);
                return s.executeUpdate();
            }
        });

        assertThat(all(store("node-a"))).extracting(InstanceRecord::key).containsExactly("good");
        assertThat(rowCount()).isEqualTo(2);
    }

    @Test
    void aStoredPushOfAnUnknownValueTypeIsLeftForAProcessThatKnowsIt() {
        store("node-a").save(pushRecord("p"));
        Database db = backend().open();
        opened.add(db);
        JdbcInstanceStore withoutPushes = JdbcInstanceStore.builder(db, "node-a").build();

        assertThat(all(withoutPushes)).isEmpty();
        assertThat(all(store("node-a"))).hasSize(1);
    }

    @Test
    void theInstancesOfANodeWhoseLeaseLapsedAreTakenOverByExactlyOneNode() {
        JdbcInstanceStore a = store("node-a");
        JdbcInstanceStore b = store("node-b");
        JdbcInstanceStore c = store("node-c");
        a.renewLease(T0.plusSeconds(30));
        b.renewLease(T0.plusSeconds(60));
        c.renewLease(T0.plusSeconds(60));
        a.save(pushRecord("p"));
        a.save(pushRecord("q"));

        assertThat(b.takeOverLapsed(T0.plusSeconds(29))).as("node-a still holds its lease").isEmpty();
        List<InstanceRecord> taken = b.takeOverLapsed(T0.plusSeconds(31));
        assertThat(c.takeOverLapsed(T0.plusSeconds(31))).as("already taken").isEmpty();

        assertThat(taken).extracting(InstanceRecord::key).containsExactly("p", "q");
        assertSameContent(taken.get(0), pushRecord("p"));
        assertThat(all(store("node-b"))).extracting(InstanceRecord::key).containsExactly("p", "q");
        assertThat(all(store("node-a"))).as("node-a, started again, has nothing left to run").isEmpty();
    }

    @Test
    void aNodeThatComesBackCannotWriteTheInstancesTakenOverFromIt() {
        JdbcInstanceStore a = store("node-a");
        JdbcInstanceStore b = store("node-b");
        a.renewLease(T0.plusSeconds(30));
        a.save(pushRecord("p"));
        b.takeOverLapsed(T0.plusSeconds(31));

        InstanceRecord later = InstanceRecord.of(PUSH, 3, "9f86d081884c7d65", "p", "pushing", Map.of(), Map.of(),
                List.of(), Map.of("pushing", 5), Optional.empty());
        assertThatThrownBy(() -> a.save(later)).isInstanceOf(InstanceTakenOverException.class)
                .hasMessageContaining("bmsc.msk-push[p] was taken over by another node after the lease of node node-a lapsed");

        assertThat(a.load(PUSH, "p")).as("no longer run by node-a").isEmpty();
        List<InstanceRecord> ofB = all(store("node-b"));
        assertThat(ofB).hasSize(1);
        assertSameContent(ofB.get(0), pushRecord("p"));
        a.save(pushRecord("new"));   // what node-a starts from now on is its own
        assertThat(all(store("node-a"))).extracting(InstanceRecord::key).containsExactly("new");
    }

    @Test
    void anInstanceTheTakingNodeRunsWithTheSameKeyKeepsItsOwnRow() {
        JdbcInstanceStore a = store("node-a");
        JdbcInstanceStore b = store("node-b");
        a.renewLease(T0.plusSeconds(30));
        a.save(pushRecord("both"));
        InstanceRecord onB = InstanceRecord.of(PUSH, 3, "9f86d081884c7d65", "both", "pushing", Map.of(), Map.of(),
                List.of(), Map.of(), Optional.empty());
        b.save(onB);

        assertThat(b.takeOverLapsed(T0.plusSeconds(31))).as("it runs here already").isEmpty();

        assertThat(rowCount()).isEqualTo(1);
        assertSameContent(all(store("node-b")).get(0), onB);
    }

    // ---- which node delivers a streaming session's MTKs (MtkSessionClaims)

    MtkSessionClaims claims(String node) {
        Database db = backend().open();
        opened.add(db);
        return new MtkSessionClaims(db, node);
    }

    @Test
    void oneNodeDeliversASessionWhileItsLeaseHoldsAndAnotherTakesItWhenItLapses() {
        store("node-a").renewLease(T0.plusSeconds(30));
        store("node-b").renewLease(T0.plusSeconds(60));
        MtkSessionClaims a = claims("node-a");
        MtkSessionClaims b = claims("node-b");

        assertThat(a.claim("tv", T0)).isEqualTo(new MtkSessionClaims.Claim(true, "node-a", Optional.empty()));
        assertThat(b.claim("tv", T0.plusSeconds(10))).isEqualTo(new MtkSessionClaims.Claim(false, "node-a", Optional.empty()));
        assertThat(a.claim("tv", T0.plusSeconds(20))).as("still node-a's").extracting(MtkSessionClaims.Claim::mine).isEqualTo(true);

        assertThat(b.claim("tv", T0.plusSeconds(31))).isEqualTo(new MtkSessionClaims.Claim(true, "node-b", Optional.of("node-a")));
        store("node-a").renewLease(T0.plusSeconds(62));   // node-a is back
        assertThat(a.claim("tv", T0.plusSeconds(32))).isEqualTo(new MtkSessionClaims.Claim(false, "node-b", Optional.empty()));
    }

    @Test
    void aNodeThatStopsReleasesItsSessionsAtOnce() {
        store("node-a").renewLease(T0.plusSeconds(30));
        MtkSessionClaims a = claims("node-a");
        a.claim("tv", T0);
        a.claim("radio", T0);

        a.releaseAll();

        assertThat(claims("node-b").claim("tv", T0.plusSeconds(1)).mine()).isTrue();
        assertThat(claims("node-b").claim("radio", T0.plusSeconds(1)).takenFrom()).isEmpty();
    }

    @Test
    void onlyTheDeliveringNodePublishesTheSessionsMtkMessageAndEveryNodeReadsIt() {
        store("node-a").renewLease(T0.plusSeconds(30));
        store("node-b").renewLease(T0.plusSeconds(60));
        MtkSessionClaims a = claims("node-a");
        MtkSessionClaims b = claims("node-b");
        Bytes first = Bytes.ofHex("0102030405");
        Bytes second = Bytes.ofHex("0a0b0c");

        assertThat(a.publish("tv", first)).as("nobody delivers it yet").isFalse();
        a.claim("tv", T0);
        assertThat(b.message("tv")).as("claimed, no message made yet").isEmpty();
        assertThat(a.publish("tv", first)).isTrue();
        assertThat(b.message("tv")).contains(new MtkSessionClaims.Published("node-a", first));
        assertThat(b.publish("tv", second)).as("node-b does not deliver it").isFalse();
        assertThat(a.message("tv")).contains(new MtkSessionClaims.Published("node-a", first));

        b.claim("tv", T0.plusSeconds(31));   // node-a's lease lapsed
        assertThat(a.publish("tv", second)).as("taken over: node-a's word no longer counts").isFalse();
        assertThat(b.publish("tv", second)).isTrue();
        assertThat(a.message("tv")).contains(new MtkSessionClaims.Published("node-b", second));
        assertThat(a.message("radio")).isEmpty();
    }

    private long rowCount() {
        Database db = backend().open();
        opened.add(db);
        return db.inTransaction(c -> {
            try (var s = c.prepareStatement("select count(*) from engine_instance"); var r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
