package org.mbmskeys.steps;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.keymanagement.xml.MskResponse;
import org.mbmskeys.mbms.keymanagement.xml.MskStatus;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.ServiceStatus;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/**
 * The BM-SC's Key Request function as the UEs and the wire see it: who may register, the status codes of its
 * answers (per service, per MSK), the registrations it holds, and MSK requests (TS 33.246 §6.3.2.1A, §6.3.2.2.1,
 * §6.3.2.4, Annex G).
 */
public class BmscKeyRequestSteps {

    private final MbmsWorld world;

    public BmscKeyRequestSteps(MbmsWorld world) {
        this.world = world;
    }

    // ------------------------------------------------------------------------------- shared (owned by h1)

    @Given("only {string} may register to {string}")
    public void onlyMayRegister(String ue, String service) {
        world.onlyMayRegister.computeIfAbsent(service, s -> java.util.concurrent.ConcurrentHashMap.newKeySet()).add(ue);
    }

    @Then("{string} is not registered to {string}")
    public void isNotRegisteredTo(String ue, String service) {
        assertThat(world.ue(ue).registration(service).map(r -> r.state()))
                .as("the state of the registration of %s to %s at the UE", ue, service)
                .isNotEqualTo(Optional.of(RegistrationState.REGISTERED));
        assertThat(world.bmsc().registration(world.impi(ue)).map(r -> r.services().contains(ServiceId.of(service))))
                .as("the BM-SC holds a registration of %s to %s", ue, service).isNotEqualTo(Optional.of(true));
    }

    @Then("the BM-SC has no registration of {string}")
    public void theBmscHasNoRegistration(String ue) {
        assertThat(world.bmsc().registration(world.impi(ue))).as("the BM-SC's registration of %s", ue).isEmpty();
    }

    /**
     * Every answer with this status line to the UE, of the kind the table's first column names (service: the
     * register response body; msk: the MSK response body), read item by item: together they must list exactly
     * the table's items with their codes (§6.3.2.4: one status per service or MSK, in request order).
     */
    @Then("the BM-SC answered {string} {int} with the statuses:")
    public void theBmscAnsweredWithTheStatuses(String ue, int status, DataTable table) {
        List<String> header = table.row(0);
        boolean msks = header.get(0).equals("msk");
        assertThat(header).as("the table's columns").containsExactly(msks ? "msk" : "service", "status");
        Map<String, Integer> seen = new LinkedHashMap<>();
        List<List<String>> answers = new ArrayList<>();
        for (Captured c : responsesTo(ue)) {
            String text = text(c);
            if (!text.startsWith("HTTP/1.1 " + status + " ")) {
                continue;
            }
            Bytes body = body(c);
            List<String> items = new ArrayList<>();
            if (msks && text.contains("\r\nContent-Type: application/mbms-msk-response+xml")) {
                for (MskStatus s : MskResponse.parse(body).msks()) {
                    seen.put(s.msk().toString(), s.status().code());
                    items.add(s.msk().toString());
                }
            } else if (!msks && text.contains("\r\nContent-Type: application/mbms-register-response+xml")) {
                for (ServiceStatus s : RegisterResponse.parse(body).services()) {
                    seen.put(s.serviceId(), s.status().code());
                    items.add(s.serviceId());
                }
            }
            answers.add(items);
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (Map<String, String> row : table.asMaps()) {
            String item = msks ? msk(row.get("msk")).toString() : row.get("service");
            expected.put(item, Integer.parseInt(row.get("status")));
        }
        // The UE may have put the items into one request or (over a real network, when one use of a service went
        // out before the next) into several, whose answers may come in any order: the order is the request's only
        // within one answer (§6.3.2.4), and the table lists the items in request order.
        assertThat(seen).as("the items the BM-SC answered %s with %d", ue, status).containsExactlyInAnyOrderEntriesOf(expected);
        List<String> requestOrder = new ArrayList<>(expected.keySet());
        for (List<String> items : answers) {
            assertThat(items).as("the items of one answer, in request order").isSortedAccordingTo(
                    Comparator.comparingInt(requestOrder::indexOf));
        }
    }

    @When("{string} requests the current MSK of Key Group {word}")
    public void requestsTheCurrentMsk(String ue, String group) {
        request(ue, List.of(current(group)));
    }

    @When("{string} requests the current MSKs of Key Groups {word} and {word}")
    public void requestsTheCurrentMsks(String ue, String first, String second) {
        request(ue, List.of(current(first), current(second)));
    }

    // ------------------------------------------------------------------------------- MSK request

    @Then("the BM-SC sent {string} the MSK of Key Group {word} only")
    public void sentTheMskOnly(String ue, String group) {
        List<MskRef> sent = world.bmsc().deliveries(world.impi(ue)).stream().skip(deliveriesBefore)
                .map(d -> d.msk()).toList();
        assertThat(sent).as("the MSKs the BM-SC delivered to %s since the request", ue).isNotEmpty()
                .allSatisfy(m -> assertThat(m.keyGroup()).isEqualTo(world.group(group).keyGroup()));
        assertThat(world.ue(ue).keyStore().msks()).as("the MSKs %s holds", ue)
                .allSatisfy(m -> assertThat(m.ref().keyGroup()).isEqualTo(world.group(group).keyGroup()));
    }

    @Then("no MIKEY message was sent to {string}")
    public void noMikeyMessageWasSentTo(String ue) {
        assertThat(world.capture()).as("MIKEY datagrams to %s", ue)
                .noneMatch(c -> c.message().kind() == Message.Kind.DATAGRAM && c.message().recipient().equals(ue));
    }

    @Then("the BM-SC answered the MSK request with content type {string}")
    public void answeredTheMskRequestWithContentType(String contentType) {
        String answer = text(lastAnswerTo(requester));
        assertThat(answer).startsWith("HTTP/1.1 200 ").contains("\r\nContent-Type: " + contentType + "\r\n");
    }

    @Then("the answer carried an Authentication-Info that {string} verified")
    public void theAnswerCarriedAuthenticationInfo(String ue) {
        assertThat(text(lastAnswerTo(ue))).containsPattern("\r\nAuthentication-Info: [^\r]*rspauth=");
        // the UE reports an answer only after its Authentication-Info verified (Annex H step 7)
        assertThat(world.ueOutcomes()).anyMatch(o -> o instanceof org.mbmskeys.mbms.ue.procedure.UeOutcome.MskRequestAnswered a
                && a.ue().equals(ue));
    }

    // ------------------------------------------------------------------------------- helpers

    private int deliveriesBefore;
    private String requester;

    private void request(String ue, List<MskRef> msks) {
        deliveriesBefore = world.impi(ue) == null ? 0 : world.bmsc().deliveries(world.impi(ue)).size();
        requester = ue;
        world.ue(ue).requestMsks(world.bmsc().fqdn(), msks);
        world.settle();
    }

    private MskRef current(String group) {
        return MskRef.of(world.domain, MskId.current(world.group(group).keyGroup()));
    }

    /** "001-01 / 0101:0000": Key Domain ID / Key Group : Key Number. */
    private static MskRef msk(String text) {
        return MskRef.parse(text.replace(" ", "").replace(":", ""));
    }

    List<Captured> responsesTo(String ue) {
        return world.capture().stream()
                .filter(c -> c.message().kind() == Message.Kind.RESPONSE && c.message().recipient().equals(ue)).toList();
    }

    private Captured lastAnswerTo(String ue) {
        List<Captured> answers = responsesTo(ue);
        assertThat(answers).as("HTTP answers to %s", ue).isNotEmpty();
        return answers.get(answers.size() - 1);
    }

    static String text(Captured c) {
        return new String(c.message().bytes().toByteArray(), US_ASCII);
    }

    static Bytes body(Captured c) {
        byte[] all = c.message().bytes().toByteArray();
        String text = new String(all, US_ASCII);
        int start = text.indexOf("\r\n\r\n") + 4;
        byte[] body = new byte[all.length - start];
        System.arraycopy(all, start, body, 0, body.length);
        return Bytes.wrap(body);
    }

    static Optional<Integer> status(Captured c) {
        String text = text(c);
        return text.startsWith("HTTP/1.1 ") ? Optional.of(Integer.parseInt(text.substring(9, 12))) : Optional.empty();
    }

    static List<Integer> statusesTo(MbmsWorld world, String ue) {
        List<Integer> out = new ArrayList<>();
        for (Captured c : world.capture()) {
            if (c.message().kind() == Message.Kind.RESPONSE && c.message().recipient().equals(ue)) {
                status(c).ifPresent(out::add);
            }
        }
        return out;
    }
}
