package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.mbms.gba.simulated.BootstrapConfirmation;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.SolicitedPullMessage;

/**
 * The BM-SC's MUK lifetime set by its operator and what follows when it runs out (a solicited pull instead of a
 * push, a Bootstrapping Renegotiation Request answering the next POST, TS 33.246 §6.3.2.2.4), and its key
 * management overload (503 with Retry-After, table G.2.4-1). Read from the wire and the BSF's records.
 */
public class MukLifetimeAndOverloadSteps {

    private final MbmsWorld world;

    public MukLifetimeAndOverloadSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("the BM-SC keeps a MUK for {int} hour(s)")
    public void theBmscKeepsAMukFor(int hours) {
        world.bmsc().mukLifetime(Duration.ofHours(hours));
        assertThat(world.bmsc().mukLifetime()).hasValue(Duration.ofHours(hours));
    }

    /**
     * An MSK request of the UE carried Digest credentials under the B-TID of its previous bootstrapping while that
     * bootstrapping was still valid at the BSF (so the credentials were good), and the BM-SC answered it 401 with a
     * fresh, not stale, Digest challenge in its bootstrapping realm: the Bootstrapping Renegotiation Request.
     */
    @Then("the BM-SC answered the MSK request of {string} with a bootstrapping renegotiation")
    public void answeredWithABootstrappingRenegotiation(String ue) {
        List<BootstrapConfirmation> runs = world.bsf().bootstrappings(world.impi(ue));
        assertThat(runs).as("bootstrappings of %s at the BSF", ue).hasSizeGreaterThanOrEqualTo(2);
        BootstrapConfirmation previous = runs.get(runs.size() - 2);
        List<HttpOnTheWire.Exchange> renegotiations = HttpOnTheWire.of(world, ue, "msk-request").stream()
                .filter(e -> e.username().equals(java.util.Optional.of(previous.bTid().format())))
                .filter(e -> e.request().sent().isBefore(previous.expiresAt()))
                .filter(e -> e.status() == 401)
                .filter(e -> !e.responseText().orElse("").matches("(?is).*stale=\"?true.*")).toList();   // not a stale nonce
        assertThat(renegotiations).as("MSK requests of %s with valid credentials of B-TID %s answered 401, not stale", ue,
                previous.bTid().format()).singleElement().satisfies(e -> assertThat(e.responseText()).hasValueSatisfying(t -> {
                    assertThat(t).containsPattern("\r\nWWW-Authenticate: Digest [^\r\n]*realm=\"3GPP-bootstrapping@"
                            + java.util.regex.Pattern.quote(world.bmsc().fqdn()) + "\"");
                    assertThat(t).doesNotContainPattern("(?i)stale=\"?true");
                }));
    }

    /**
     * Since the last rotation, every MIKEY message the BM-SC sent the UE under the MUK of the UE's previous
     * bootstrapping, whose key lifetime is over, was a solicited pull (§6.3.2.2.4 NOTE 1), and at least one was.
     */
    @Then("the BM-SC sent {string} nothing but a solicited pull under its expired MUK")
    public void sentNothingButASolicitedPullUnderItsExpiredMuk(String ue) {
        List<BootstrapConfirmation> runs = world.bsf().bootstrappings(world.impi(ue));
        assertThat(runs).as("bootstrappings of %s at the BSF", ue).hasSizeGreaterThanOrEqualTo(2);
        BootstrapConfirmation previous = runs.get(runs.size() - 2);
        assertThat(previous.expiresAt()).as("the end of the key lifetime of B-TID %s", previous.bTid().format())
                .isBeforeOrEqualTo(world.lastRotatedAt);
        List<InboundMikey> underExpired = new ArrayList<>();
        for (Captured c : world.capture()) {
            Message m = c.message();
            if (m.kind() == Message.Kind.DATAGRAM && m.sender().equals(world.bmsc().fqdn()) && m.recipient().equals(ue)
                    && !c.sent().isBefore(world.lastRotatedAt)
                    && MikeyReader.read(m.bytes()) instanceof OpenResult.Opened<InboundMikey> o
                    && previous.bTid().format().equals(idr(o.value()))) {
                underExpired.add(o.value());
            }
        }
        assertThat(underExpired).as("MIKEY messages to %s under its expired MUK", ue).isNotEmpty()
                .allSatisfy(message -> assertThat(message).isInstanceOf(SolicitedPullMessage.class));
    }

    private static String idr(InboundMikey message) {
        if (message instanceof MskMessage msk) {
            return msk.idr().text().orElse("");
        }
        if (message instanceof SolicitedPullMessage pull) {
            return pull.idr().text().orElse("");
        }
        return "";
    }

    @Given("the BM-SC is overloaded for the next {int} seconds")
    public void theBmscIsOverloadedForTheNext(int seconds) {
        world.bmsc().overloadedFor(Duration.ofSeconds(seconds));
    }

    @Given("the BM-SC is overloaded, answering 503 with Retry-After {int} seconds")
    public void theBmscIsOverloadedAnswering(int seconds) {
        world.bmsc().overloaded(Duration.ofSeconds(seconds));
    }

    @Given("the operator ends the overload of the BM-SC")
    public void theOperatorEndsTheOverload() {
        world.bmsc().acceptKeyManagement();
        assertThat(world.bmsc().admission().isOverloaded()).isFalse();
    }

    /**
     * The BM-SC answered exactly {@code times} requests of the UE 503, each with {@code Retry-After: seconds}, and
     * the UE sent nothing to it until that delay had passed after each.
     */
    @Then("^the BM-SC answered \"([^\"]*)\" 503 with Retry-After (\\d+) seconds (once|twice)$")
    public void answered503WithRetryAfter(String ue, int seconds, String times) {
        List<HttpOnTheWire.Exchange> exchanges = HttpOnTheWire.of(world, ue);
        List<HttpOnTheWire.Exchange> unavailable = exchanges.stream().filter(e -> e.status() == 503).toList();
        assertThat(unavailable).as("requests of %s answered 503", ue).hasSize(times.equals("once") ? 1 : 2)
                .allSatisfy(e -> assertThat(e.responseText()).hasValueSatisfying(t ->
                        assertThat(t).contains("\r\nRetry-After: " + seconds + "\r\n")));
        for (HttpOnTheWire.Exchange e : unavailable) {
            Instant answered = e.response().orElseThrow().sent();
            Instant earliest = answered.plusSeconds(seconds);
            assertThat(exchanges).as("requests of %s after the 503 at %s", ue, answered)
                    .filteredOn(x -> x.request().id() > e.response().orElseThrow().id())
                    .isNotEmpty()
                    .allSatisfy(x -> assertThat(x.request().sent()).as("sent no earlier than Retry-After allows")
                            .isAfterOrEqualTo(earliest));
        }
    }
}
