package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.ManualScheduler;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.simulated.BootstrappingException;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;
import org.mbmskeys.mbms.gba.simulated.SimulatedUsim;
import org.mbmskeys.mbms.gba.simulated.Sqn;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.junit.jupiter.api.Test;

/** The Ub and Zn exchanges with the simulated BSF on the ladder: where they go, and what their labels say. */
class BsfExchangesTest {

    private static final String K = "465b5ce8b199b49faa5f0a2ee238a6bc";
    private static final String OPC = "cd63cb71954a9f4e48a5994e37a02baf";
    private static final String IMPI = "001010123456781@ims.mnc001.mcc001.3gppnetwork.org";

    private final ManualScheduler time = new ManualScheduler();
    private final Instant start = time.now();
    private final AtomicInteger captured = new AtomicInteger();
    private final BsfExchanges exchanges = new BsfExchanges(time::now, start, captured::get);
    private final SimulatedBsf bsf = new SimulatedBsf("bsf.example.org", time::now, MbmsWorld.seeded(1), Duration.ofHours(2));

    private UbClient ubOfAlice() {
        bsf.addSubscriber(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(32), GbaMode.GBA_ME);
        GbaClient gba = new GbaClient(new SimulatedUsim(IMPI, SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now);
        return exchanges.ub("alice", UbClient.simulated(gba, bsf));
    }

    private static Ladder.Arrow http(String from, String to, String label) {
        return new Ladder.Arrow(0, from, to, Ladder.Kind.HTTP_REQUEST, label);
    }

    @Test
    void a_bootstrapping_is_drawn_before_the_request_it_was_run_for_and_a_zn_look_up_after_the_request_that_needed_it() {
        UbClient ub = ubOfAlice();
        Bootstrapping zn = exchanges.zn("bmsc.example.org", bsf);
        time.advance(Duration.ofSeconds(5));

        BootstrappingContext context = ub.bootstrap();                       // before any message
        captured.set(1);                                                     // the registration POST crossed
        zn.lookUp(context.bTid(), NafId.forMbms("bmsc.example.org"));
        zn.lookUp(BTid.of(Bytes.ofHex("00112233445566778899aabbccddeeff"), "bsf.example.org"),
                NafId.forMbms("bmsc.example.org"));

        List<Ladder.Arrow> all = exchanges.interleave(List.of(
                http("alice", "bmsc.example.org", "POST register"), http("bmsc.example.org", "alice", "200 OK")));

        assertThat(all).extracting(a -> a.from() + ">" + a.to() + " " + a.kind()).containsExactly(
                "alice>bsf GBA", "bsf>alice GBA",
                "alice>bmsc.example.org HTTP_REQUEST",
                "bmsc.example.org>bsf GBA", "bsf>bmsc.example.org GBA", "bmsc.example.org>bsf GBA", "bsf>bmsc.example.org GBA",
                "bmsc.example.org>alice HTTP_REQUEST");
        assertThat(all.get(0).at()).isEqualTo(5000);
        assertThat(all.get(1).label()).isEqualTo("Ub 200 OK B-TID " + context.bTid().format() + " valid until +2h5s");
        assertThat(all.get(3).label()).isEqualTo("Zn key request B-TID " + context.bTid().format()
                + " NAF-Id " + NafId.forMbms("bmsc.example.org"));
        assertThat(all.get(4).label()).isEqualTo("Zn answer: Ks_NAF valid until +2h5s");
        assertThat(all.get(6).label()).isEqualTo("Zn answer: unknown B-TID");
        assertThat(String.join(" ", all.stream().map(Ladder.Arrow::label).toList()))
                .doesNotContain(context.ks().revealHex());
    }

    @Test
    void an_expired_bootstrapping_and_a_failed_one_are_said_as_such() {
        UbClient ub = ubOfAlice();
        BootstrappingContext context = ub.bootstrap();
        time.advance(Duration.ofHours(3));
        NafKeyLookup answer = exchanges.zn("bmsc", bsf).lookUp(context.bTid(), NafId.forMbms("bmsc"));
        assertThat(answer).isInstanceOf(NafKeyLookup.Expired.class);

        UbClient unknown = exchanges.ub("bob", UbClient.simulated(new GbaClient(new SimulatedUsim(
                "nobody@ims.mnc001.mcc001.3gppnetwork.org", SecretBytes.ofHex(K), SecretBytes.ofHex(OPC), Sqn.of(0),
                GbaMode.GBA_ME), time::now), bsf));
        BootstrappingException failure = catchThrowableOfType(unknown::bootstrap, BootstrappingException.class);
        assertThat(failure).isNotNull();

        assertThat(exchanges.interleave(List.of())).extracting(Ladder.Arrow::label).containsExactly(
                "Ub bootstrapping (HTTP Digest AKA)",
                "Ub 200 OK B-TID " + context.bTid().format() + " valid until +2h",
                "Zn key request B-TID " + context.bTid().format() + " NAF-Id " + NafId.forMbms("bmsc"),
                "Zn answer: bootstrapping expired at +2h",
                "Ub bootstrapping (HTTP Digest AKA)",
                "Ub bootstrapping failed: " + failure.reason());
    }
}
