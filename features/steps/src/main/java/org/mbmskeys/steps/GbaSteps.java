package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.NafKeyLookup;
import org.mbmskeys.mbms.gba.simulated.BootstrapConfirmation;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.reception.ReceptionRejection;

/**
 * GBA as the UE runs it with the simulated BSF (TS 33.246 §6.1, TS 33.220): key lifetimes, their expiry, and
 * which bootstrapping the UE's key management requests were authenticated with. Whether a UE ran GBA is read
 * from the BSF's record of that subscriber's bootstrappings; which B-TID a request used, from the Digest user
 * name on the wire.
 */
public class GbaSteps {

    private final MbmsWorld world;

    public GbaSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("UE {string} is bootstrapped at the BSF with a key lifetime of {int} hour(s)")
    public void bootstrappedWithAKeyLifetime(String name, int hours) {
        world.bootstrap(name);
        world.bsf().keyLifetime(world.impi(name), Duration.ofHours(hours));
        world.ue(name).powerOn();
        world.settle();
    }

    /** Time runs on to the end of the key lifetime of the UE's current bootstrapping: from then on it is expired. */
    @Given("the Ks_NAF of {string} has expired")
    public void theKsNafHasExpired(String ue) {
        BootstrapConfirmation current = last(runs(ue), ue);
        if (world.time().now().isBefore(current.expiresAt())) {
            world.advanceTo(current.expiresAt());
        }
        world.settle();
        assertThat(world.bsf().lookUp(current.bTid(), NafId.forMbms(world.bmsc().fqdn())))
                .as("the BSF's answer for the B-TID of %s", ue).isInstanceOf(NafKeyLookup.Expired.class);
    }

    @Then("{string} did not run GBA")
    public void didNotRunGba(String ue) {
        assertThat(runs(ue)).as("bootstrappings of %s at the BSF", ue).isEmpty();
    }

    /**
     * The UE bootstrapped again, and its MSK request(s) used the new B-TID: "before its MSK request" (or "before
     * the request") means every MSK request with credentials since the previous Ks_NAF expired used it; "before its
     * next MSK request" means an earlier MSK request still used the previous B-TID (e.g. the BM-SC asked for a new
     * bootstrapping) and the last one used the new.
     */
    @Then("^\"([^\"]*)\" ran GBA again before (the request|its MSK request|its next MSK request)$")
    public void ranGbaAgainBefore(String ue, String which) {
        List<BootstrapConfirmation> runs = runs(ue);
        assertThat(runs).as("bootstrappings of %s at the BSF", ue).hasSizeGreaterThanOrEqualTo(2);
        BootstrapConfirmation previous = runs.get(runs.size() - 2);
        BootstrapConfirmation latest = runs.get(runs.size() - 1);
        List<HttpOnTheWire.Exchange> withCredentials = HttpOnTheWire.of(world, ue, "msk-request").stream()
                .filter(e -> e.username().isPresent()).toList();
        assertThat(withCredentials).as("MSK requests of %s with Digest credentials", ue).isNotEmpty();
        assertThat(withCredentials.get(withCredentials.size() - 1).username())
                .as("the B-TID of the last MSK request of %s", ue).hasValue(latest.bTid().format());
        if (which.equals("its next MSK request")) {
            assertThat(withCredentials).as("an MSK request of %s before it ran GBA again", ue)
                    .anySatisfy(e -> assertThat(e.username()).hasValue(previous.bTid().format()));
        } else {
            Instant expired = previous.expiresAt();
            List<HttpOnTheWire.Exchange> since = withCredentials.stream()
                    .filter(e -> !e.request().sent().isBefore(expired)).toList();
            assertThat(since).as("MSK requests of %s since its previous Ks_NAF expired at %s", ue, expired)
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.username()).hasValue(latest.bTid().format()));
        }
    }

    /** The last MSK request with credentials carried the newest B-TID, and the BM-SC took it: 200 with rspauth. */
    @Then("the request of {string} was authenticated with its new B-TID")
    public void theRequestWasAuthenticatedWithItsNewBTid(String ue) {
        List<BootstrapConfirmation> runs = runs(ue);
        BTid latest = last(runs, ue).bTid();
        assertThat(runs).as("bootstrappings of %s at the BSF", ue).hasSizeGreaterThanOrEqualTo(2);
        HttpOnTheWire.Exchange request = HttpOnTheWire.of(world, ue, "msk-request").stream()
                .filter(e -> e.username().isPresent()).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError(ue + " sent no MSK request with credentials"));
        assertThat(request.username()).hasValue(latest.format());
        assertThat(request.status()).as("the BM-SC's answer to it").isEqualTo(200);
        assertThat(request.responseText()).hasValueSatisfying(t ->
                assertThat(t).containsPattern("\r\nAuthentication-Info: [^\r\n]*rspauth=\"[0-9a-f]+\""));
        assertThat(world.bsf().lookUp(latest, NafId.forMbms(world.bmsc().fqdn())))
                .as("the BSF's answer for the new B-TID").isInstanceOf(NafKeyLookup.Found.class);
    }

    @Given("the network delays the next MIKEY message to {string} by {int} minute(s)")
    public void delaysTheNextMikeyMessage(String ue, int minutes) {
        java.util.concurrent.atomic.AtomicInteger seen = new java.util.concurrent.atomic.AtomicInteger();
        world.network().inject(new Fault.Delay(Selector.matching("the next MIKEY message to " + ue,
                m -> m.kind() == Message.Kind.DATAGRAM && m.recipient().equals(ue) && seen.getAndIncrement() == 0),
                Duration.ofMinutes(minutes)));
    }

    /** The UE's last discard was an MSK message under a MUK past its GBA key lifetime, and it answered none. */
    @Then("{string} discarded the push as its MUK had expired, without a verification message")
    public void discardedThePushAsItsMukHadExpired(String ue) {
        List<UeOutcome.DatagramDiscarded> discards = world.ueOutcomes().stream()
                .filter(o -> o instanceof UeOutcome.DatagramDiscarded d && d.ue().equals(ue))
                .map(UeOutcome.DatagramDiscarded.class::cast).toList();
        assertThat(discards).as("discards reported by %s", ue).isNotEmpty();
        assertThat(discards.get(discards.size() - 1).reason()).isEqualTo(ReceptionRejection.MUK_EXPIRED);
        assertThat(world.ueOutcomes()).as("MSK messages %s applied", ue)
                .noneMatch(o -> o instanceof UeOutcome.MskReceived r && r.ue().equals(ue) && r.msk().equals(world.lastRotated));
        assertThat(world.capture()).as("MIKEY datagrams sent by %s", ue).noneMatch(c ->
                c.message().kind() == Message.Kind.DATAGRAM && c.message().sender().equals(ue));
    }

    private List<BootstrapConfirmation> runs(String ue) {
        world.ue(ue); // fails with the names of the scenario's UEs
        return world.bsf().bootstrappings(world.impi(ue));
    }

    private static BootstrapConfirmation last(List<BootstrapConfirmation> runs, String ue) {
        assertThat(runs).as("bootstrappings of %s at the BSF", ue).isNotEmpty();
        return runs.get(runs.size() - 1);
    }
}
