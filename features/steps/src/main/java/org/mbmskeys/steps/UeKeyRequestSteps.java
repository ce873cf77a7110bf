package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.HttpRequestMessage;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keymanagement.BackOffParameters;
import org.mbmskeys.mbms.keymanagement.KeyManagementRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;

/**
 * The MSK requests a UE sends (TS 33.246 §6.3.2.2.1, §6.3.2.2.3, G.2.3), as the wire shows them: the HTTP POSTs
 * to {@code /keymanagement?requesttype=msk-request} and the Key Domain ID – MSK ID pairs in their bodies.
 */
public class UeKeyRequestSteps {

    private final MbmsWorld world;
    private final ReceptionMoments moments;

    public UeKeyRequestSteps(MbmsWorld world, ReceptionMoments moments) {
        this.world = world;
        this.moments = moments;
    }

    @Given("the BM-SC does not push MSKs")
    public void theBmscDoesNotPushMsks() {
        world.bmsc().rekeying(Bmsc.Rekeying.ON_REQUEST);
    }

    @Given("the BM-SC has started MTK delivery for the {string} session")
    @When("the BM-SC starts MTK delivery for the {string} session")
    public void theBmscStartsMtkDelivery(String session) {
        moments.markNow();
        world.bmsc().startMtkDelivery(session);
        world.settle();
    }

    @Given("the announcement of {string} asks for back-off with offsetTime {int} s and randomTimePeriod {int} s")
    public void theAnnouncementAsksForBackOff(String service, int offsetTime, int randomTimePeriod) {
        KeyGroupRef group = world.services.get(service);
        MskRef current = MskRef.of(group.keyDomain(), MskId.current(group.keyGroup()));
        UserServiceDescription description = UserServiceDescription.protectedBy(service, new ServiceProtection(
                List.of(Fqdn.of(world.bmsc().fqdn())), false, false, List.of(current),
                Optional.of(new BackOffParameters(Duration.ofSeconds(offsetTime), Duration.ofSeconds(randomTimePeriod))),
                Map.of(service + "-live", current), world.serviceTypes.get(service)));
        world.ues.values().forEach(ue -> ue.announce(description));
    }

    @When("the BM-SC solicits {string} to pull Key Group {word}")
    public void theBmscSolicitsToPull(String ue, String group) {
        moments.markNow();
        world.bmsc().solicitPull(world.impi(ue), world.group(group));
        world.settle();
    }

    /** Lets time run to just before {@code seconds} after the driving step, then looks at the wire. */
    @Then("{string} sent no MSK request within the first {int} seconds")
    public void sentNoMskRequestWithin(String ue, int seconds) {
        Instant end = moments.since().plusSeconds(seconds);
        advanceTo(end.minusMillis(1));
        assertThat(mskRequestTimes(ue)).as("when %s sent MSK requests", ue).noneMatch(t -> t.isBefore(end));
    }

    @Then("{string} sent an MSK request within {int} second(s)")
    public void sentAnMskRequestWithin(String ue, int seconds) {
        Instant since = moments.since();
        Instant end = since.plusSeconds(seconds);
        advanceTo(end);
        assertThat(mskRequestTimes(ue)).as("when %s sent MSK requests (since %s)", ue, since)
                .anyMatch(t -> !t.isBefore(since) && !t.isAfter(end));
    }

    @Then("{string} holds the current MTK of the {string} session after the next resend")
    public void holdsTheCurrentMtkAfterTheNextResend(String ue, String session) {
        String group = world.sessionGroup(session);
        long before = mtkMessagesTo(group);
        for (int s = 0; s < 60 && mtkMessagesTo(group) == before; s++) {
            world.advance(Duration.ofSeconds(1));
        }
        assertThat(mtkMessagesTo(group)).as("MTK messages sent to %s", group).isGreaterThan(before);
        String service = session.endsWith("-live") ? session.substring(0, session.length() - "-live".length()) : session;
        Optional<CurrentMtk> current = world.ue(ue).currentMtk(service, session);
        try {
            assertThat(current).as("the current MTK of %s at %s", session, ue).hasValueSatisfying(m -> assertThat(m.msk())
                    .isEqualTo(world.bmsc().currentMsk(world.services.get(service)).orElseThrow()));
        } finally {
            current.ifPresent(m -> {
                m.key().destroy();
                m.salt().ifPresent(SecretBytes::destroy);
            });
        }
    }

    @Then("{string} sent an MSK request for {string}")
    public void sentAnMskRequestFor(String ue, String pair) {
        MskRef wanted = parsePair(pair);
        assertThat(mskRequestsOf(world, ue)).as("the pairs of %s's MSK requests", ue).anySatisfy(pairs ->
                assertThat(pairs).containsExactly(wanted));
    }

    @Then("{string} sent an MSK request for Key Group {word}")
    public void sentAnMskRequestForKeyGroup(String ue, String group) {
        KeyGroup keyGroup = KeyGroup.parseHex(group);
        assertThat(mskRequestsOf(world, ue)).as("the pairs of %s's MSK requests", ue).anySatisfy(pairs ->
                assertThat(pairs).anyMatch(m -> m.keyDomain().equals(world.domain) && m.keyGroup().equals(keyGroup)));
    }

    private void advanceTo(Instant end) {
        Instant now = world.time().now();
        if (now.isBefore(end)) {
            world.advance(Duration.between(now, end));
        }
    }

    /** When the UE sent each of its MSK requests. */
    private List<Instant> mskRequestTimes(String ue) {
        return world.capture().stream()
                .filter(c -> c.message().kind() == Message.Kind.REQUEST && c.message().sender().equals(ue))
                .filter(c -> isMskRequest(HttpWire.codec().decodeRequest(c.message().bytes())))
                .map(Captured::sent).toList();
    }

    private long mtkMessagesTo(String group) {
        return world.capture().stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.message().to().host().equals(group)).map(Captured::id).distinct().count();
    }

    /** The pairs of every MSK request the UE sent, in sending order (a resent request counts again). */
    static List<List<MskRef>> mskRequestsOf(MbmsWorld world, String ue) {
        return world.capture().stream()
                .filter(c -> c.message().kind() == Message.Kind.REQUEST && c.message().sender().equals(ue))
                .map(c -> HttpWire.codec().decodeRequest(c.message().bytes()))
                .filter(UeKeyRequestSteps::isMskRequest)
                .map(r -> MskRequestBody.parse(r.body()).msks())
                .toList();
    }

    static boolean isMskRequest(HttpRequestMessage request) {
        return request.method().equals("POST")
                && KeyManagementRequest.parse(request.target()).equals(java.util.Optional.of(KeyManagementRequest.MSK_REQUEST));
    }

    /** {@code 001-01 / 0101:0000}: Key Domain ID, then Key Group and Key Number in hex. */
    static MskRef parsePair(String pair) {
        String[] parts = pair.split("/");
        if (parts.length != 2 || !parts[1].contains(":")) {
            throw new IllegalArgumentException("an MSK is written '001-01 / 0101:0000' (Key Domain ID / Key Group:"
                    + "Key Number, in hex), not '" + pair + "'");
        }
        String[] id = parts[1].trim().split(":");
        return MskRef.of(KeyDomainId.parse(parts[0].trim()),
                MskId.of(KeyGroup.parseHex(id[0]), Integer.parseInt(id[1], 16)));
    }
}
