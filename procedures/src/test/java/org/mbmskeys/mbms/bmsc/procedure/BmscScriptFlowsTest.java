package org.mbmskeys.mbms.bmsc.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.engine.testkit.ProcedureTestKit;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPull;
import org.mbmskeys.mbms.bmsc.distribution.PreparedPush;
import org.mbmskeys.mbms.bmsc.distribution.PushKind;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;

/**
 * The flows of the shipped BM-SC scripts, with the role services faked: the push schedule written in
 * {@code msk-push.groovy}, the solicited pull's fall-back to a push, the periodic MTK resend. Both backends.
 */
class BmscScriptFlowsTest {

    private static final Endpoint UE = Endpoint.of("alice", 2269);
    private static final Endpoint BMSC = Endpoint.of("bmsc.example.org", 2269);
    private static final MskRef MSK = MskRef.of(KeyDomainId.parse("001-01"), MskId.of(0x0101, 2));
    private static final Map<String, ProcedureDefinition> SCRIPTS = new java.util.HashMap<>();

    private static synchronized ProcedureDefinition script(String name) {
        if (SCRIPTS.isEmpty()) {
            ProcedureRepository.builder().classpath("procedures/bmsc").check(BmscContract.CONTRACT).build().definitions()
                    .forEach(d -> SCRIPTS.put(d.name(), d));
        }
        return SCRIPTS.get(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void anUnacknowledgedPushIsSentSixTimesOnTheScriptsScheduleThenGivenUp(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.msk-push"), b -> b.backend(backend)
                .service(KeyDelivery.class, delivery));
        kit.start("alice|" + MSK + "|DELIVER", Map.of("ue", "alice", "msk", MSK.toString(), "kind", "DELIVER"));
        long previous = 0;
        for (long at : new long[] {2, 6, 14, 30, 60}) {   // sends at 0, 2, 6, 14, 30 and 60 s
            int before = delivery.attempts.size();
            kit.advance(Duration.ofMillis(at * 1000 - previous * 1000 - 1));
            assertThat(delivery.attempts).as("sends before %ds", at).hasSize(before);
            kit.advance(Duration.ofMillis(1));
            assertThat(delivery.attempts).as("sends at %ds", at).hasSize(before + 1);
            previous = at;
        }
        kit.advance(Duration.ofMillis(29_999)).expectState("pushing");
        kit.advance(Duration.ofMillis(1)).expectEnded("not-delivered");   // given up at 90 s

        assertThat(delivery.attempts).containsExactly(1, 2, 3, 4, 5, 6);   // each resend is a new attempt (§6.4.3)
        assertThat(delivery.gaveUp).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void theVerificationMessageEndsThePushAsDeliveredAndAnotherDatagramIsRejected(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.msk-push"), b -> b.backend(backend)
                .service(KeyDelivery.class, delivery));

        kit.start("k", Map.of("ue", "alice", "msk", MSK.toString(), "kind", "DELIVER"));
        kit.advance(Duration.ofSeconds(2));
        kit.send(new MikeyArrived(UE, Bytes.ofHex("bad0"))).expectState("pushing");
        assertThat(kit.rejections()).hasSize(1);
        kit.send(new MikeyArrived(UE, Bytes.ofHex("ac4e"))).expectEnded("delivered");

        assertThat(kit.outcomes()).singleElement().isInstanceOf(DeliveryRecord.class);
        assertThat(delivery.gaveUp).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void aPushThatCannotBeMadeEndsWithoutSending(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        delivery.refuse = true;
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.msk-push"), b -> b.backend(backend)
                .service(KeyDelivery.class, delivery));

        kit.start("k", Map.of("ue", "alice", "msk", MSK.toString(), "kind", "DELIVER")).expectEnded("not-delivered");

        assertThat(kit.sent("mikey")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void anUnansweredSolicitationIsSentThreeTimesThenTheMskIsPushed(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.solicited-pull"), b -> b.backend(backend)
                .service(KeyDelivery.class, delivery).procedures(List.of(script("bmsc.msk-push"))));

        kit.start("alice|001-01/0101", Map.of("ue", "alice", "group", "001-01/0101"));
        kit.advance(Duration.ofSeconds(69)).expectState("soliciting");
        assertThat(kit.sent("mikey")).hasSize(3);   // at 0, 10 and 30 s
        kit.advance(Duration.ofSeconds(1)).expectEnded("pushed");
        assertThat(delivery.attempts).containsExactly(1);   // the push it fell back to sent its first attempt
        assertThat(delivery.unanswered).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void anMskRequestEndsTheSolicitedPull(String backend) {
        FakeDelivery delivery = new FakeDelivery();
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.solicited-pull"), b -> b.backend(backend)
                .service(KeyDelivery.class, delivery));

        kit.start("alice|001-01/0101", Map.of("ue", "alice", "group", "001-01/0101"));
        kit.signal("requested").expectEnded("pulled");

        assertThat(kit.sent("mikey")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native", "spring"})
    void theCurrentMtkIsResentEveryFiveSecondsAndTheNextOneOnSignal(String backend) {
        List<String> sent = new ArrayList<>();
        MtkDelivery mtks = new MtkDelivery() {
            @Override
            public Envelope next(String session) {
                sent.add("next");
                return Envelope.of(BMSC, Endpoint.of("239.1.1.1", 2269), Bytes.ofHex("01"));
            }

            @Override
            public Envelope current(String session) {
                sent.add("current");
                return Envelope.of(BMSC, Endpoint.of("239.1.1.1", 2269), Bytes.ofHex("01"));
            }
        };
        ProcedureTestKit kit = ProcedureTestKit.of(script("bmsc.mtk-delivery"), b -> b.backend(backend)
                .service(MtkDelivery.class, mtks));

        kit.start("news-live", Map.of("session", "news-live"));
        kit.advance(Duration.ofSeconds(10));
        kit.signal("next");
        kit.advance(Duration.ofSeconds(4));
        assertThat(sent).containsExactly("next", "current", "current", "next");   // the resend timer restarts on next
        kit.advance(Duration.ofSeconds(1));
        kit.signal("stop").expectEnded("stopped");
        assertThat(sent).containsExactly("next", "current", "current", "next", "current");
        assertThat(kit.sent("mikey")).hasSize(5);
    }

    /** KeyDelivery that records what the script asked for. */
    private static final class FakeDelivery implements KeyDelivery {
        final List<Integer> attempts = new ArrayList<>();
        int gaveUp;
        int unanswered;
        boolean refuse;
        private Instant now = Instant.EPOCH;

        private PreparedPush attempt(int n) {
            List<TimestampCounter> counters = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                counters.add(TimestampCounter.of(i));
            }
            return new PreparedPush("alice", MSK, PushKind.DELIVERY, KeyValidity.of(0, 100), Bytes.ofHex("0102"), UE,
                    Optional.empty(), CsbId.of(7), TimestampCounter.of(n), MukId.of("bmsc.example.org", "b-tid"), n,
                    counters, now);
        }

        @Override
        public Optional<PreparedPush> push(String instance, String ue, String msk, Kind kind) {
            return refuse ? Optional.empty() : Optional.of(attempt(1));
        }

        @Override
        public Optional<PreparedPush> retransmission(PreparedPush previous) {
            return Optional.of(attempt(previous.attempt() + 1));
        }

        @Override
        public Envelope datagram(PreparedPush push) {
            attempts.add(push.attempt());
            return Envelope.of(BMSC, push.to(), push.datagram());
        }

        @Override
        public boolean acknowledges(PreparedPush push, MikeyArrived arrived) {
            return arrived.datagram().equals(Bytes.ofHex("ac4e"));
        }

        @Override
        public DeliveryRecord delivered(PreparedPush push, MikeyArrived arrived) {
            return DeliveryRecord.unacknowledged(push);   // any record will do for the flow
        }

        @Override
        public DeliveryRecord gaveUp(PreparedPush push) {
            gaveUp++;
            return DeliveryRecord.unacknowledged(push);
        }

        @Override
        public Optional<PreparedPull> solicit(String ue, String keyGroup) {
            return Optional.of(new PreparedPull(ue, org.mbmskeys.mbms.bmsc.services.KeyGroupRef.of(MSK), Bytes.ofHex("03"), UE,
                    CsbId.of(8), TimestampCounter.of(1), MukId.of("bmsc.example.org", "b-tid"), false));
        }

        @Override
        public Envelope datagram(PreparedPull pull) {
            return Envelope.of(BMSC, pull.to(), pull.datagram());
        }

        @Override
        public String unanswered(String ue, String keyGroup) {
            unanswered++;
            return MSK.toString();
        }
    }
}
