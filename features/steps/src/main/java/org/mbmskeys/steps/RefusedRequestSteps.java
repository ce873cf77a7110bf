package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;

/**
 * Key management requests the BM-SC must refuse (TS 33.246 §6.2.1.3: HTTP Digest with the MRK as password, qop
 * auth-int covering the body): requests changed on the way, where the network flips the last byte of a UE's next
 * HTTP request (with a Content-Length, the last byte of its body), and requests signed with a wrong MRK; and what
 * the BM-SC answered them and did.
 */
public class RefusedRequestSteps {

    private final MbmsWorld world;
    private String tamperedFrom;
    private int capturedBefore;
    private int deliveriesBefore;

    public RefusedRequestSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("the network flips the last byte of the next HTTP request from {string}")
    public void flipsTheLastByteOfTheNextRequestFrom(String ue) {
        world.ue(ue);
        tamperedFrom = ue;
        capturedBefore = world.capture().size();
        deliveriesBefore = world.bmsc().deliveries(world.impi(ue)).size();
        AtomicInteger seen = new AtomicInteger();
        world.network().inject(new Fault.CorruptFromEnd(Selector.matching("the next HTTP request from " + ue,
                m -> m.kind() == Message.Kind.REQUEST && m.sender().equals(ue) && seen.getAndIncrement() == 0), 1, 0x01));
    }

    @Then("the BM-SC answered that request {int}")
    public void answeredThatRequest(int status) {
        HttpOnTheWire.Exchange tampered = tampered();
        assertThat(tampered.response()).as("the BM-SC's answer to the request changed on the way").isPresent();
        assertThat(tampered.status()).as("the status of the BM-SC's answer to the request changed on the way")
                .isEqualTo(status);
    }

    /**
     * No MIKEY message reached {@code ue} in answer to the changed request: none between it and the UE's next
     * request (the UE repeats a request answered 401 at once, TS 33.246 table G.2.4-1; what that brings is
     * {@link #repeatedTheRequestAndGotTheMsk}'s to check).
     */
    @Then("the BM-SC sent {string} no MSK for it")
    public void sentNoMskForIt(String ue) {
        long tamperedId = tampered().request().id();
        long nextRequestId = HttpOnTheWire.of(world, ue).stream().mapToLong(e -> e.request().id())
                .filter(id -> id > tamperedId).min().orElse(Long.MAX_VALUE);
        assertThat(world.capture()).as("MIKEY messages to %s after the request changed on the way and "
                        + "before its next request", ue)
                .noneMatch(c -> c.id() > tamperedId && c.id() < nextRequestId
                        && c.message().kind() == Message.Kind.DATAGRAM && c.message().recipient().equals(ue));
    }

    @Then("{string} repeated the request with fresh Digest credentials and got the MSK")
    public void repeatedTheRequestAndGotTheMsk(String ue) {
        long tamperedId = tampered().request().id();
        List<HttpOnTheWire.Exchange> repeats = HttpOnTheWire.of(world, ue, "msk-request").stream()
                .filter(e -> e.request().id() > tamperedId).toList();
        assertThat(repeats).as("the MSK requests %s sent after the one changed on the way", ue).isNotEmpty();
        HttpOnTheWire.Exchange last = repeats.get(repeats.size() - 1);
        assertThat(last.username()).as("the Digest credentials of the repeated request").isPresent();
        assertThat(last.status()).as("the BM-SC's answer to the repeated request").isEqualTo(200);
        assertThat(world.capture()).as("MIKEY messages to %s after the repeated request", ue)
                .filteredOn(c -> c.id() > last.request().id() && c.message().kind() == Message.Kind.DATAGRAM
                        && c.message().recipient().equals(ue))
                .hasSize(1);
        assertThat(world.bmsc().deliveries(world.impi(ue))).as("the BM-SC's delivery records of %s", ue)
                .hasSize(deliveriesBefore + 1);
    }

    @Then("the BM-SC answered every deregistration request of {string} {int}")
    public void answeredEveryDeregistrationRequest(String ue, int status) {
        List<HttpOnTheWire.Exchange> deregistrations = HttpOnTheWire.of(world, ue, "deregister");
        assertThat(deregistrations).as("the deregistration requests of %s", ue).isNotEmpty()
                .allSatisfy(e -> assertThat(e.status()).as("the status of the BM-SC's answer to %s", e.text().lines()
                        .findFirst().orElse("")).isEqualTo(status));
    }

    /** The request the fault changed: sent by the UE since the fault was installed, delivered with other bytes. */
    private HttpOnTheWire.Exchange tampered() {
        assertThat(tamperedFrom).as("a request was to be changed on the way").isNotNull();
        List<HttpOnTheWire.Exchange> changed = HttpOnTheWire.of(world, tamperedFrom).stream()
                .filter(e -> e.request().id() > capturedBefore && !e.request().effects().isEmpty()).toList();
        assertThat(changed).as("requests of %s the network changed on the way", tamperedFrom).hasSize(1);
        Captured request = changed.get(0).request();
        assertThat(request.delivered()).as("the bytes that reached the BM-SC").isPresent()
                .hasValueSatisfying(b -> assertThat(b).isNotEqualTo(request.message().bytes()));
        return changed.get(0);
    }
}
