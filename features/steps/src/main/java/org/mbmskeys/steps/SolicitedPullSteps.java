package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.engine.spi.Cancellable;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.gba.simulated.BootstrapConfirmation;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.MikeyMessage;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/** The BM-SC's solicited pull (§6.3.2.2.4) and what it needs around it: long waits, a UE back online, tampering. */
public class SolicitedPullSteps {

    private final MbmsWorld world;

    public SolicitedPullSteps(MbmsWorld world) {
        this.world = world;
    }

    @When("{int} hour(s) pass(es)")
    public void hoursPass(int hours) {
        world.advance(Duration.ofHours(hours));
    }

    @When("{string} is online again")
    public void isOnlineAgain(String ue) {
        Cancellable partition = world.partitions.remove(ue);
        if (partition == null) {
            throw new IllegalStateException("'" + ue + "' was not taken offline in this scenario");
        }
        partition.cancel();
        world.settle();
    }

    /** Every bit of byte {@code index} of the next MIKEY datagram that reaches the UE is inverted. */
    @Given("the network flips byte {int} of the next MIKEY message to {string}")
    public void flipsByteOfTheNextMikeyMessageTo(int index, String ue) {
        AtomicInteger seen = new AtomicInteger();
        world.network().inject(new Fault.Corrupt(Selector.matching("the next MIKEY message to " + ue,
                m -> m.kind() == Message.Kind.DATAGRAM && m.recipient().equals(ue) && seen.getAndIncrement() == 0),
                index, 0xFF));
    }

    /**
     * Since the last rotation (or ever, without one) the UE reported no verification message for that MSK and put no
     * MIKEY datagram (its only kind: verification messages) on the wire.
     */
    @Then("{string} sent no MIKEY verification message")
    public void sentNoVerificationMessage(String ue) {
        List<UeOutcome> verifications = world.ueOutcomes().stream().filter(o -> o instanceof UeOutcome.MskReceived r
                && r.ue().equals(ue) && r.verificationSent()
                && (world.lastRotated == null || r.msk().equals(world.lastRotated))).toList();
        assertThat(verifications).as("verification messages %s reported", ue).isEmpty();
        List<Captured> capture = world.capture();
        List<Captured> sent = capture.subList(Math.max(world.lastRotatedAfterCapture, 0), capture.size()).stream()
                .filter(c -> c.message().kind() == Message.Kind.DATAGRAM && c.message().sender().equals(ue)).toList();
        assertThat(sent).as("MIKEY datagrams %s sent", ue).isEmpty();
    }

    @Given("the BM-SC re-keys Key Group {word} by solicited pull")
    public void theBmscReKeysBySolicitedPull(String group) {
        assertThat(world.services).as("a service of this scenario uses Key Group %s", group)
                .containsValue(world.group(group));
        world.bmsc().rekeying(Bmsc.Rekeying.SOLICITED_PULL);
    }

    @Then("the BM-SC sent {string} a solicited pull for Key Group {word} with Key Number 0, no key and V not set")
    public void theBmscSentASolicitedPull(String ue, String group) {
        List<SolicitedPullMessage> pulls = pullsTo(ue);
        assertThat(pulls).as("solicited pulls the BM-SC sent %s", ue).isNotEmpty().allSatisfy(pull -> {
            assertThat(pull.keyDomain()).isEqualTo(world.domain);
            assertThat(pull.keyGroup()).isEqualTo(world.group(group).keyGroup());
            MikeyMessage message = pull.decoded().message();
            assertThat(message.header().vFlag()).as("the V bit").isFalse();
            assertThat(message.find(KemacPayload.class)).as("the KEMAC").hasValueSatisfying(k ->
                    assertThat(k.isKeyless()).as("a KEMAC without key data").isTrue());
        });
    }

    /**
     * The solicited pull was protected with the MUK of the UE's previous bootstrapping (IDr names its B-TID, whose
     * key lifetime is over), the UE discarded nothing, and its MSK request came after the pull.
     */
    @Then("{string} accepted the solicited pull with its last MUK")
    public void acceptedTheSolicitedPullWithItsLastMuk(String ue) {
        List<SolicitedPullMessage> pulls = pullsTo(ue);
        assertThat(pulls).as("solicited pulls the BM-SC sent %s", ue).isNotEmpty();
        List<BootstrapConfirmation> runs = world.bsf().bootstrappings(world.impi(ue));
        assertThat(runs).as("bootstrappings of %s at the BSF", ue).hasSizeGreaterThanOrEqualTo(2);
        BootstrapConfirmation previous = runs.get(runs.size() - 2);
        assertThat(pulls.get(0).idr().text()).as("IDr of the pull: the B-TID of the MUK protecting it")
                .hasValue(previous.bTid().format());
        assertThat(previous.expiresAt()).as("the key lifetime of that bootstrapping").isBeforeOrEqualTo(world.time().now());
        assertThat(world.ueOutcomes()).as("discards reported by %s", ue)
                .noneMatch(o -> o instanceof UeOutcome.DatagramDiscarded d && d.ue().equals(ue));
        assertThat(HttpOnTheWire.of(world, ue, "msk-request")).as("MSK requests of %s", ue).isNotEmpty();
    }

    /** The UE ran GBA again without telling the BM-SC: the BM-SC still knows only the B-TID it registered with. */
    @Given("{string} has bootstrapped again since it registered")
    public void hasBootstrappedAgainSinceItRegistered(String ue) {
        String registeredWith = world.bmsc().registration(world.impi(ue)).orElseThrow().bTid().format();
        assertThat(world.ue(ue).bootstrapNow()).isInstanceOf(BootstrapResult.Bootstrapped.class);
        world.settle();
        List<BootstrapConfirmation> runs = world.bsf().bootstrappings(world.impi(ue));
        assertThat(runs.get(runs.size() - 1).bTid().format()).as("the new B-TID of %s", ue).isNotEqualTo(registeredWith);
        assertThat(world.bmsc().registration(world.impi(ue)).orElseThrow().bTid().format())
                .as("the B-TID the BM-SC knows for %s", ue).isEqualTo(registeredWith);
    }

    /**
     * The solicited pulls the BM-SC sent the UE since the last rotation, as they left the BM-SC: MIKEY messages the
     * reader classifies as a pull, which is a message whose MSK ID has Key Number 0 (§6.3.2.2.4).
     */
    List<SolicitedPullMessage> pullsTo(String ue) {
        List<SolicitedPullMessage> pulls = new ArrayList<>();
        for (Captured c : world.capture()) {
            Message m = c.message();
            if (m.kind() == Message.Kind.DATAGRAM && m.sender().equals(world.bmsc().fqdn()) && m.recipient().equals(ue)
                    && (world.lastRotatedAt == null || !c.sent().isBefore(world.lastRotatedAt))
                    && MikeyReader.read(m.bytes()) instanceof OpenResult.Opened<InboundMikey> o
                    && o.value() instanceof SolicitedPullMessage pull) {
                pulls.add(pull);
            }
        }
        return pulls;
    }
}
