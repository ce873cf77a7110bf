package org.mbmskeys.steps;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/** Registration as the two ends and the wire see it: the HTTP exchanges, the registrations held, replays. */
public class RegistrationSteps {

    private final MbmsWorld world;

    public RegistrationSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("{string} has read the service announcement of {string} naming {string}")
    public void hasReadTheAnnouncement(String ue, String service, String bmsc) {
        assertThat(bmsc).isEqualTo(world.bmsc.fqdn());
        world.announce(ue, service);
    }

    @Given("{string} has read the service announcement of {string} and {string} naming {string}")
    public void hasReadTheAnnouncements(String ue, String first, String second, String bmsc) {
        hasReadTheAnnouncement(ue, first, bmsc);
        hasReadTheAnnouncement(ue, second, bmsc);
    }

    @When("{string} starts using {string}")
    public void startsUsing(String ue, String service) {
        world.ue(ue).use(service);
        world.settle();
    }

    @Then("the HTTP exchanges between {string} and the BM-SC were:")
    public void theHttpExchangesWere(String ue, DataTable table) {
        List<Map<String, String>> seen = new ArrayList<>();
        List<Captured> capture = world.capture();
        for (Captured c : capture) {
            if (c.message().kind() == Message.Kind.REQUEST && c.message().sender().equals(ue)) {
                String text = new String(c.message().bytes().toByteArray(), US_ASCII);
                String method = text.substring(0, text.indexOf(' '));
                String type = text.replaceAll("(?s)^[^?]*\\?requesttype=([a-z-]+).*$", "$1");
                String status = capture.stream().filter(r -> r.message().kind() == Message.Kind.RESPONSE
                                && r.message().recipient().equals(ue) && r.id() > c.id()).findFirst()
                        .map(r -> new String(r.message().bytes().toByteArray(), US_ASCII).substring(9, 12)).orElse("none");
                seen.add(Map.of("request", method + " " + type,
                        "authorization", text.contains("\r\nAuthorization: Digest ") ? "Digest" : "none", "status", status));
            }
        }
        assertThat(seen).containsExactlyElementsOf(table.asMaps());
    }

    @Then("^the 401 offered realm \"([^\"]*)\" with qop \"([^\"]*)\" and algorithm (\\S+)$")
    public void the401Offered(String realm, String qop, String algorithm) {
        String challenge = world.capture().stream()
                .filter(c -> c.message().kind() == Message.Kind.RESPONSE)
                .map(c -> new String(c.message().bytes().toByteArray(), US_ASCII))
                .filter(t -> t.startsWith("HTTP/1.1 401")).findFirst().orElseThrow();
        assertThat(challenge).contains("WWW-Authenticate: Digest realm=\"" + realm + "\"")
                .containsPattern("qop=\"[^\"]*" + qop)
                .contains("algorithm=" + algorithm);
    }

    @Then("{string} is registered to {string} at {string}")
    public void isRegisteredAt(String ue, String service, String bmsc) {
        assertThat(world.ue(ue).registration(service)).hasValueSatisfying(r -> {
            assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED);
            assertThat(r.bmsc().toString()).isEqualTo(bmsc);
        });
        assertThat(world.bmsc.registration(world.impi(ue))).hasValueSatisfying(r ->
                assertThat(r.services()).contains(ServiceId.of(service)));
    }

    @When("the captured authorized registration request of {string} is replayed")
    public void theCapturedRegistrationIsReplayed(String ue) {
        Captured authorized = world.capture().stream()
                .filter(c -> c.message().kind() == Message.Kind.REQUEST && c.message().sender().equals(ue))
                .filter(c -> {
                    String text = new String(c.message().bytes().toByteArray(), US_ASCII);
                    return text.contains("requesttype=register") && text.contains("\r\nAuthorization: Digest ");
                }).reduce((a, b) -> b).orElseThrow();
        world.network().reinject(authorized);
        world.settle();
    }

    @Then("the BM-SC answered the replay {int}")
    public void theBmscAnsweredTheReplay(int status) {
        List<Captured> capture = world.capture();
        int replay = capture.stream().filter(c -> c.replayOf().isPresent()).reduce((a, b) -> b).orElseThrow().id();
        String answer = capture.stream().filter(c -> c.message().kind() == Message.Kind.RESPONSE && c.id() > replay)
                .map(c -> new String(c.message().bytes().toByteArray(), US_ASCII)).findFirst().orElseThrow();
        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
    }

    @Then("the BM-SC still has exactly one registration of {string} to {string}")
    public void stillExactlyOneRegistration(String ue, String service) {
        assertThat(world.bmsc.registration(world.impi(ue))).hasValueSatisfying(r -> {
            assertThat(r.services()).containsOnlyOnce(ServiceId.of(service));
            assertThat(r.source().host()).isEqualTo(world.hostOf(ue));
        });
    }

    @Then("the BM-SC sent the MSK of Key Group {word} to the address {string} registered from, port {int}")
    public void sentTheMskToTheRegistrationAddress(String group, String ue, int port) {
        assertThat(world.bmsc.registration(world.impi(ue))).hasValueSatisfying(r ->
                assertThat(r.source().host()).isEqualTo(world.hostOf(ue)));
        assertThat(world.capture()).anySatisfy(c -> {
            assertThat(c.message().kind()).isEqualTo(Message.Kind.DATAGRAM);
            assertThat(c.message().sender()).isEqualTo(world.bmsc.fqdn());
            assertThat(c.message().to().host()).isEqualTo(ue);
            assertThat(c.message().to().port()).isEqualTo(port);
        });
        assertThat(world.bmsc.deliveries(world.impi(ue))).anySatisfy(d ->
                assertThat(d.msk().keyGroup()).isEqualTo(world.group(group).keyGroup()));
    }

    @Then("the BM-SC recorded the delivery of that MSK to {string} as acknowledged")
    public void recordedAsAcknowledged(String ue) {
        assertThat(world.bmsc.deliveries(world.impi(ue))).filteredOn(d -> d.msk().equals(world.lastRotated))
                .singleElement().satisfies(d -> assertThat(d.outcome()).isEqualTo(DeliveryOutcome.DELIVERED));
    }
}
