package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.traffic.SrtpMasterKey;
import org.mbmskeys.mbms.traffic.SrtpMki;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;

/** The BM-SC's MTK delivery: streaming sessions on their multicast group, the periodic resend, the next MTK. */
public class MtkDeliverySteps {

    /** The resend period the shipped bmsc/mtk-delivery.groovy uses. */
    static final int SHIPPED_RESEND_SECONDS = 5;
    /** The RTP port of a session the steps define; MIKEY goes to port 2269 of the same group whatever it is. */
    static final int RTP_PORT = 5004;

    private final MbmsWorld world;
    /** The service of each session a step defined. */
    private final Map<String, String> sessionServices = new HashMap<>();
    /** The SSRC of each session a step defined. */
    private final Map<String, Long> sessionSsrcs = new HashMap<>();

    public MtkDeliverySteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("the user service {string} uses the streaming Key Group {word} for the session {string} on group {word}")
    public void theUserServiceUsesTheStreamingKeyGroupForTheSession(String service, String group, String session,
            String address) {
        world.defineService(service, ServiceType.STREAMING, group);
        long ssrc = 0x5eed0000L + world.services.size();
        world.bmsc().defineStreamingSession(session, world.group(group), Endpoint.of(world.multicastGroup(address), RTP_PORT),
                StreamingSession.of(ssrc, 0, 10, SrtpAuthentication.RCCM1));
        sessionSsrcs.put(session, ssrc);
        world.sessionGroups.put(session, address);
        sessionServices.put(session, service);
    }

    @Given("the BM-SC started MTK delivery for {string}, resending every {int} seconds")
    @When("the BM-SC starts MTK delivery for {string}, resending every {int} seconds")
    public void theBmscStartsMtkDelivery(String session, int seconds) {
        assertThat(seconds).as("the resend period of the shipped bmsc/mtk-delivery.groovy, in seconds")
                .isEqualTo(SHIPPED_RESEND_SECONDS);
        world.bmsc().startMtkDelivery(session);
        world.settle();
    }

    @Given("the BM-SC moved {string} to its next MTK")
    @When("the BM-SC moves {string} to its next MTK")
    public void theBmscMovesToItsNextMtk(String session) {
        world.bmsc().nextMtk(session);
        world.settle();
    }

    @Then("{string} holds the current MTK of {string}")
    public void holdsTheCurrentMtk(String ue, String session) {
        List<Sent> sent = mtkMessagesOf(session);
        assertThat(sent).as("MTK messages of %s", session).isNotEmpty();
        assertHeldAsCurrent(ue, session, sent.get(sent.size() - 1).message());
    }

    @Then("{string} holds the next MTK of {string} as current")
    public void holdsTheNextMtkAsCurrent(String ue, String session) {
        List<Sent> sent = mtkMessagesOf(session);
        assertThat(sent).as("MTK messages of %s", session).isNotEmpty();
        MtkMessage first = sent.get(0).message();
        MtkMessage last = sent.get(sent.size() - 1).message();
        assertThat(Integer.compareUnsigned(last.mtkId().value(), first.mtkId().value())).as(
                "the MTK ID of the last MTK message (%s) is above the first one's (%s)", last.mtkId(), first.mtkId())
                .isPositive();
        assertHeldAsCurrent(ue, session, last);
    }

    /** Every MTK message of the session went to its multicast group on port 2269, and one was sent again. */
    @Then("^every MTK message went to (\\S+) port (\\d+)$")
    public void everyMtkMessageWentTo(String group, int port) {
        List<Captured> mtk = world.capture().stream().filter(c -> c.replayOf().isEmpty())
                .filter(c -> c.message().kind() == Message.Kind.DATAGRAM && c.message().sender().equals(world.bmsc().fqdn()))
                .filter(c -> mtkMessage(c).isPresent()).toList();
        assertThat(mtk).as("MTK messages the BM-SC sent").isNotEmpty().allSatisfy(c -> {
            assertThat(c.message().to().host()).isEqualTo(group);
            assertThat(c.message().to().port()).isEqualTo(port);
        });
        assertThat(mtk.stream().map(c -> c.message().bytes()).distinct().count())
                .as("distinct MTK messages, fewer than the times they were sent (periodic resend)")
                .isLessThan(mtk.stream().map(Captured::sent).distinct().count());
    }

    @When("the first captured MTK message of {string} is replayed")
    public void theFirstCapturedMtkMessageIsReplayed(String session) {
        List<Sent> sent = mtkMessagesOf(session);
        assertThat(sent).as("MTK messages of %s", session).isNotEmpty();
        world.network().reinject(sent.get(0).captured());
        world.settle();
    }

    /** Nothing left the UE over MIKEY since the first MTK message: no verification, no error message (§6.3.3.2). */
    @Then("{string} sent no MIKEY message")
    public void sentNoMikeyMessage(String ue) {
        int firstMtk = world.capture().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                        && c.message().sender().equals(world.bmsc().fqdn()) && mtkMessage(c).isPresent())
                .mapToInt(Captured::id).min().orElseThrow(() -> new AssertionError("the BM-SC sent no MTK message"));
        assertThat(world.capture()).as("MIKEY datagrams %s sent since the first MTK message", ue)
                .noneMatch(c -> c.id() > firstMtk && c.message().kind() == Message.Kind.DATAGRAM
                        && c.message().sender().equals(ue));
    }

    /**
     * The BM-SC's SRTP sender (its traffic protection, §6.6.1) was handed one master key per MTK the session's MTK
     * messages carried, named by MSK ID ‖ MTK ID (§6.6.2.1), each before the first message carrying it went out.
     */
    @Then("the SRTP sender of {string} was handed each MTK before its MTK message was sent")
    public void theSrtpSenderWasHandedEachMtkBeforeItsMessage(String session) {
        List<MbmsWorld.HandedMtk> handed = world.srtpSender.stream().filter(h -> h.session().equals(session)).toList();
        List<Sent> sent = mtkMessagesOf(session);
        assertThat(handed.stream().map(h -> h.key().mki()).toList()).as("the MKIs the SRTP sender of %s was handed", session)
                .isEqualTo(sent.stream().map(s -> SrtpMki.of(s.message().mskId(), s.message().mtkId())).distinct().toList())
                .hasSizeGreaterThan(1);
        List<Captured> all = world.capture();
        for (MbmsWorld.HandedMtk h : handed) {
            Sent first = sent.stream().filter(s -> s.message().mtkId().equals(h.key().mki().mtkId())).findFirst().orElseThrow();
            assertThat(all.indexOf(first.captured())).as("where the first MTK message of MTK %s is in the capture, "
                    + "against the messages sent before its key was handed", h.key().mki().mtkId())
                    .isGreaterThanOrEqualTo(h.messagesBefore());
        }
    }

    /** The UE holds, under the MKI the SRTP sender was handed last, the very master key and salt (§6.5.4). */
    @Then("{string} holds the master key and salt the SRTP sender of {string} was handed last, under its MKI")
    public void holdsTheMasterKeyAndSaltTheSrtpSenderWasHandedLast(String ue, String session) {
        List<MbmsWorld.HandedMtk> handed = world.srtpSender.stream().filter(h -> h.session().equals(session)).toList();
        assertThat(handed).as("what the SRTP sender of %s was handed", session).isNotEmpty();
        SrtpMasterKey last = handed.get(handed.size() - 1).key();
        Optional<CurrentMtk> held = world.ue(ue).keyStore().mtk(world.domain, last.mki().mskId(), last.mki().mtkId());
        try {
            assertThat(held).as("the MTK %s holds under MKI %s", ue, last.mki()).hasValueSatisfying(m -> {
                assertThat(m.key()).as("the MTK, the SRTP master key").isEqualTo(last.masterKey());
                assertThat(m.salt()).as("the salt, the SRTP master salt").hasValue(last.masterSalt());
            });
        } finally {
            held.ifPresent(m -> {
                m.key().destroy();
                m.salt().ifPresent(SecretBytes::destroy);
            });
        }
    }

    private void assertHeldAsCurrent(String ue, String session, MtkMessage expected) {
        Optional<CurrentMtk> held = world.ue(ue).currentMtk(serviceOf(session), session);
        try {
            assertThat(held.map(CurrentMtk::mtkId)).as("the MTK ID %s holds as current for %s", ue, session)
                    .hasValue(expected.mtkId());
            assertThat(held.get().msk().mskId()).as("the MSK of that MTK").isEqualTo(expected.mskId());
        } finally {
            held.ifPresent(m -> {
                m.key().destroy();
                m.salt().ifPresent(SecretBytes::destroy);
            });
        }
    }

    private String serviceOf(String session) {
        String service = sessionServices.get(session);
        if (service != null) {
            return service;
        }
        return session.endsWith("-live") ? session.substring(0, session.length() - "-live".length()) : session;
    }

    /** The media server tells the BM-SC its SRTP rollover counter for the session (RFC 3830 §6.1.1). */
    @Given("the SRTP sender of {string} is at rollover counter {long}")
    @When("the SRTP sender of {string} reaches rollover counter {long}")
    public void theSrtpSenderReachesRolloverCounter(String session, long roc) {
        world.bmsc().srtpRolloverCounter(session, roc);
    }

    /** The SRTP-ID map entry of the last MSK message the BM-SC sent the UE, read from the wire. */
    @Then("the last MSK message to {string} gives the SSRC of {string} and rollover counter {long}")
    public void theLastMskMessageGivesTheRolloverCounter(String ue, String session, long roc) {
        List<MskMessage> sent = new ArrayList<>();
        for (Captured c : world.mskMessagesTo(ue)) {
            if (MikeyReader.read(c.message().bytes()) instanceof OpenResult.Opened<InboundMikey> o
                    && o.value() instanceof MskMessage msk) {
                sent.add(msk);
            }
        }
        assertThat(sent).as("MSK messages sent to %s", ue).isNotEmpty();
        Optional<SrtpCsEntry> entry = sent.get(sent.size() - 1).srtpCsEntry();
        assertThat(entry).as("the SRTP-ID map entry of the last MSK message to %s", ue).hasValueSatisfying(e -> {
            assertThat(e.roc()).isEqualTo(roc);
            assertThat(e.ssrc()).isEqualTo(ssrcOf(session));
        });
    }

    private long ssrcOf(String session) {
        Long ssrc = sessionSsrcs.get(session);
        if (ssrc == null) {
            throw new IllegalArgumentException("no step defined the session '" + session + "'; defined: " + sessionSsrcs.keySet());
        }
        return ssrc;
    }

    /** One MTK message as the BM-SC sent it to the session's group (first record per send), in sending order. */
    record Sent(Captured captured, MtkMessage message) {
    }

    private List<Sent> mtkMessagesOf(String session) {
        String group = world.sessionGroup(session);
        List<Sent> sent = new ArrayList<>();
        Set<Instant> seenAt = new HashSet<>();
        Set<Bytes> seenBytes = new HashSet<>();
        for (Captured c : world.capture()) {
            Message m = c.message();
            if (c.replayOf().isEmpty() && m.kind() == Message.Kind.DATAGRAM && m.sender().equals(world.bmsc().fqdn())
                    && m.to().host().equals(group)) {
                Optional<MtkMessage> mtk = mtkMessage(c);
                if (mtk.isPresent() && (seenAt.add(c.sent()) | seenBytes.add(m.bytes()))) {
                    sent.add(new Sent(c, mtk.get()));
                }
            }
        }
        return sent;
    }

    private static Optional<MtkMessage> mtkMessage(Captured c) {
        return MikeyReader.read(c.message().bytes()) instanceof OpenResult.Opened<InboundMikey> o
                && o.value() instanceof MtkMessage mtk ? Optional.of(mtk) : Optional.empty();
    }
}
