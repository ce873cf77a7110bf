package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.mbmskeys.adapters.http.HttpWire;
import org.mbmskeys.adapters.memory.Fault;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.adapters.memory.Selector;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UeCapabilities;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.keymanagement.AnswerDefect;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/**
 * The UE's side of User Service Registration and Deregistration (TS 33.246 §6.3.2.1A, §6.3.2.1B): what it read
 * in the service announcement, its life cycle (power, the user leaving, a card change, a lost key management
 * connection) and what it sent and concluded. Each life cycle step marks the capture, so "after power-on" looks
 * only at what the UE sent since.
 */
public class UeRegistrationSteps {

    private static final Pattern SERVICE_ID = Pattern.compile("<(?:\\w+:)?serviceI[Dd]>([^<]*)</(?:\\w+:)?serviceI[Dd]>");
    private static final Pattern AUTHORIZATION_REALM =
            Pattern.compile("\r\nAuthorization: Digest [^\r\n]*?realm=\"([^\"]*)\"");

    private final MbmsWorld world;
    private final List<Bmsc> otherBmscs = new ArrayList<>();
    /** The id of the last captured message before the last life cycle step (power-on, connection lost). */
    private int mark = -1;
    private String chosen;

    public UeRegistrationSteps(MbmsWorld world) {
        this.world = world;
    }

    @After
    public void closeOtherBmscs() {
        otherBmscs.forEach(Bmsc::close);
    }

    // ------------------------------------------------------------------------------------ the announcement

    @Given("{string} has read the service announcement of {string} without protection")
    public void hasReadAnUnprotectedAnnouncement(String ue, String service) {
        world.ue(ue).announce(UserServiceDescription.unprotected(service));
    }

    @Given("{string} has read the service announcement of {string} requiring UICC key management")
    public void hasReadAnAnnouncementRequiringUiccKeyManagement(String ue, String service) {
        world.ue(ue).announce(description(service, List.of(world.bmsc().fqdn()), true));
    }

    @Given("{string} has read the service announcement of {string} naming {string} and {string}")
    public void hasReadAnAnnouncementNamingTwo(String ue, String service, String first, String second) {
        world.ue(ue).announce(description(service, List.of(first, second), false));
    }

    @Given("{string} has a UICC without MBMS key management")
    public void hasAUiccWithoutMbmsKeyManagement(String ue) {
        assertThat(world.ue(ue).capabilities()).isEqualTo(UeCapabilities.usim());
    }

    /** A GBA_U card able to run MBMS key management itself (TS 33.246 §6.1: MUK = Ks_int_NAF, MRK = Ks_ext_NAF). */
    @Given("UE {string} with a GBA_U card that does MBMS key management is bootstrapped at the BSF")
    public void gbaUCardIsBootstrapped(String name) {
        world.bootstrap(name, GbaMode.GBA_U, UeCapabilities.mbmsUicc()).powerOn();
        world.settle();
    }

    @Then("{string} signed every key management request in realm {string}")
    public void signedEveryRequestInRealm(String ue, String realm) {
        List<String> realms = HttpOnTheWire.of(world, ue).stream().map(HttpOnTheWire.Exchange::text)
                .map(AUTHORIZATION_REALM::matcher).filter(Matcher::find).map(m -> m.group(1)).toList();
        assertThat(realms).as("realms of the signed requests of %s", ue).isNotEmpty().containsOnly(realm);
    }

    @Given("a second BM-SC {string} serves {string} as well")
    public void aSecondBmscServes(String fqdn, String service) {
        KeyGroupRef group = world.services.get(service);
        org.mbmskeys.engine.spi.RandomBytes keys = MbmsWorld.seeded(6);
        org.mbmskeys.engine.testkit.TraceRecorder trace = new org.mbmskeys.engine.testkit.TraceRecorder();
        world.otherBmscTraces.put(fqdn, trace);
        Bmsc second = Bmsc.builder(fqdn).bootstrapping(world.bsfExchanges.zn(fqdn, world.bsf()))
                .transport(world.network().node(fqdn))
                .httpCodec(HttpWire.codec()).scheduler(world.time()).random(MbmsWorld.seeded(5))
                .keyMaterial(n -> SecretBytes.wrap(keys.next(n).toByteArray()))
                .backend(MbmsWorld.backend()).deterministic().listener(trace).build();
        otherBmscs.add(second);
        second.defineService(service, world.serviceTypes.get(service), group);
    }

    private UserServiceDescription description(String service, List<String> bmscs, boolean uiccRequired) {
        KeyGroupRef group = world.services.get(service);
        assertThat(group).as("the user service %s (define it first)", service).isNotNull();
        MskRef current = MskRef.of(group.keyDomain(), MskId.current(group.keyGroup()));
        return UserServiceDescription.protectedBy(service, new ServiceProtection(
                bmscs.stream().map(Fqdn::of).toList(), uiccRequired, false, List.of(current), Optional.empty(),
                Map.of(service + "-live", current), world.serviceTypes.get(service)));
    }

    // ------------------------------------------------------------------------------------ the life cycle

    @Given("{string} is registered to {string} and {string}")
    public void isRegisteredToBoth(String ue, String first, String second) {
        for (String service : List.of(first, second)) {
            world.announce(ue, service);
            world.ue(ue).use(service);
        }
        world.settle();
        for (String service : List.of(first, second)) {
            assertThat(world.ue(ue).registration(service)).as("%s registered to %s", ue, service)
                    .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
        }
    }

    @When("the user of {string} leaves {string}")
    public void theUserLeaves(String ue, String service) {
        world.ue(ue).leave(service);
        world.settle();
    }

    @When("{string} is switched off")
    public void isSwitchedOff(String ue) {
        world.ue(ue).powerDown();
        world.settle();
    }

    @When("{string} is switched off and on again")
    public void isSwitchedOffAndOn(String ue) {
        isSwitchedOff(ue);
        markNow();
        world.ue(ue).powerOn();
        world.settle();
    }

    @When("{string} is switched off, gets another UICC and is switched on")
    public void getsAnotherUicc(String ue) {
        isSwitchedOff(ue);
        world.ue(ue).uiccChanged(UiccId.of("8949440000000009999"));
        world.settle();
        markNow();
        world.ue(ue).powerOn();
        world.settle();
    }

    @When("the key management connection of {string} is lost")
    public void theConnectionIsLost(String ue) {
        markNow();
        world.ue(ue).connectionLost();
        world.settle();
    }

    private void markNow() {
        mark = world.capture().stream().mapToInt(c -> c.id()).max().orElse(-1);
    }

    // ------------------------------------------------------------------------------------ the network

    @Given("the network loses the next {int} HTTP responses to {string}")
    public void losesTheNextResponses(int count, String ue) {
        AtomicInteger seen = new AtomicInteger();
        world.network().inject(new Fault.Drop(Selector.matching("the next " + count + " HTTP responses to " + ue,
                m -> m.kind() == Message.Kind.RESPONSE && m.recipient().equals(ue) && seen.getAndIncrement() < count)));
    }

    /**
     * One hex digit of the {@code rspauth} of the next 200 to the UE arrives changed (XOR 1 keeps it a hex digit),
     * so the header is well formed but does not prove the MRK. A fault rule per possible byte position: only the
     * rule at that digit's position selects the message.
     */
    @Given("the network replaces the rspauth of the next 200 to {string}")
    public void replacesTheRspauth(String ue) {
        AtomicReference<Message> target = new AtomicReference<>();
        for (int i = 0; i < 2048; i++) {
            int index = i;
            world.network().inject(new Fault.Corrupt(Selector.matching("a digit of the rspauth of the next 200 to " + ue,
                    m -> {
                        if (target.get() == null && m.kind() == Message.Kind.RESPONSE && m.recipient().equals(ue)
                                && HttpOnTheWire.Exchange.text(m.bytes()).startsWith("HTTP/1.1 200")) {
                            target.set(m);
                        }
                        return target.get() == m && rspauthDigit(m) == index;
                    }), index, 0x01));
        }
    }

    private static int rspauthDigit(Message m) {
        String text = HttpOnTheWire.Exchange.text(m.bytes());
        int at = text.indexOf("rspauth=\"");
        if (at < 0) {
            return -1;
        }
        for (int i = at + 9; i < text.length() && text.charAt(i) != '"'; i++) {
            if ("0123456789bcde".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    // ------------------------------------------------------------------------------------ what the UE sent and concluded

    @Then("{string} sent no HTTP request")
    public void sentNoHttpRequest(String ue) {
        assertThat(HttpOnTheWire.of(world, ue)).as("HTTP requests of %s", ue).isEmpty();
    }

    @Then("{string} sent {int} registration requests in all")
    public void sentRegistrationRequestsInAll(String ue, int count) {
        assertThat(HttpOnTheWire.of(world, ue, "register")).as("registration requests of %s", ue).hasSize(count);
    }

    @Then("^\"([^\"]*)\" sent (a|no) registration request after (power-on|the connection was lost)$")
    public void sentARegistrationRequestAfter(String ue, String aOrNo, String after) {
        assertThat(mark).as("a life cycle step marked the capture").isGreaterThanOrEqualTo(0);
        List<HttpOnTheWire.Exchange> since = HttpOnTheWire.of(world, ue, "register").stream()
                .filter(e -> e.request().id() > mark).toList();
        if (aOrNo.equals("a")) {
            assertThat(since).as("registration requests of %s after %s", ue, after).isNotEmpty();
        } else {
            assertThat(since).as("registration requests of %s after %s", ue, after).isEmpty();
        }
    }

    @Then("^\"([^\"]*)\" sent a deregistration request for (\"[^\"]*\"(?: and \"[^\"]*\")*)$")
    public void sentADeregistrationRequestFor(String ue, String services) {
        List<String> expected = Arrays.stream(services.split(" and ")).map(s -> s.replace("\"", "")).toList();
        List<String> asked = new ArrayList<>();
        for (HttpOnTheWire.Exchange e : HttpOnTheWire.of(world, ue, "deregister")) {
            Matcher m = SERVICE_ID.matcher(e.text());
            while (m.find()) {
                if (!asked.contains(m.group(1))) {
                    asked.add(m.group(1));
                }
            }
        }
        assertThat(asked).as("services in the deregistration requests of %s", ue)
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Then("the BM-SC answered the deregistration with content type {string}")
    public void answeredTheDeregistrationWith(String contentType) {
        List<HttpOnTheWire.Exchange> answered = world.ues.keySet().stream()
                .flatMap(ue -> HttpOnTheWire.of(world, ue, "deregister").stream()).filter(e -> e.status() == 200).toList();
        assertThat(answered).as("deregistrations answered 200").isNotEmpty().allSatisfy(e ->
                assertThat(e.responseText()).hasValueSatisfying(t ->
                        assertThat(t).containsPattern("(?i)\r\nContent-Type: " + Pattern.quote(contentType) + "\\s*(;[^\r\n]*)?\r\n")));
    }

    /** Only the answers to the UE's deregistration requests, one status per service (§6.3.2.4). */
    @Then("the BM-SC answered the deregistration of {string} with the statuses:")
    public void answeredTheDeregistrationWithTheStatuses(String ue, io.cucumber.datatable.DataTable table) {
        Map<String, Integer> seen = new java.util.LinkedHashMap<>();
        for (HttpOnTheWire.Exchange e : HttpOnTheWire.of(world, ue, "deregister")) {
            if (e.status() == 200) {
                for (org.mbmskeys.mbms.keymanagement.xml.ServiceStatus status : org.mbmskeys.mbms.keymanagement.xml
                        .RegisterResponse.parse(BmscKeyRequestSteps.body(e.response().orElseThrow())).services()) {
                    seen.put(status.serviceId(), status.status().code());
                }
            }
        }
        Map<String, Integer> expected = new java.util.LinkedHashMap<>();
        table.asMaps().forEach(row -> expected.put(row.get("service"), Integer.parseInt(row.get("status"))));
        assertThat(seen).as("the services in the 200s to the deregistrations of %s", ue).containsExactlyEntriesOf(expected);
    }

    @Then("{string} reported {string} as not accessible because the UICC cannot do MBMS key management")
    public void reportedNotAccessible(String ue, String service) {
        assertThat(world.ueOutcomes()).anySatisfy(o -> {
            assertThat(o).isInstanceOfSatisfying(UeOutcome.ServiceNotAccessible.class, n -> {
                assertThat(n.ue()).isEqualTo(ue);
                assertThat(n.serviceId()).isEqualTo(service);
                assertThat(n.detail()).startsWith("UICC_KEY_MANAGEMENT_UNAVAILABLE");
            });
        });
        assertThat(world.ue(ue).registration(service)).as("a registration of %s", service).isEmpty();
    }

    /** The UE's own view only: the BM-SC may well hold the registration it answered. */
    @Then("{string} does not take itself as registered to {string}")
    public void doesNotTakeItselfAsRegistered(String ue, String service) {
        assertThat(world.ue(ue).registration(service).map(r -> r.state()))
                .as("the state of the registration of %s to %s at the UE", ue, service)
                .isNotEqualTo(Optional.of(RegistrationState.REGISTERED));
    }

    @Then("{string} reported the BM-SC's answer as not authenticated")
    public void reportedTheAnswerAsNotAuthenticated(String ue) {
        assertThat(world.ueOutcomes()).anySatisfy(o ->
                assertThat(o).isInstanceOfSatisfying(UeOutcome.AnswerUnusable.class, a -> {
                    assertThat(a.ue()).isEqualTo(ue);
                    assertThat(a.defect()).isEqualTo(AnswerDefect.NOT_AUTHENTICATED);
                }));
    }

    @Then("{string} is registered to {string} at the BM-SC it chose")
    public void isRegisteredAtTheChosenBmsc(String ue, String service) {
        assertThat(world.ue(ue).registration(service)).hasValueSatisfying(r ->
                assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
        chosen = world.ue(ue).registration(service).orElseThrow().bmsc().value();
        List<Bmsc> all = new ArrayList<>(otherBmscs);
        all.add(0, world.bmsc());
        assertThat(all.stream().map(Bmsc::fqdn)).as("the announced BM-SCs").contains(chosen);
        for (Bmsc bmsc : all) {
            if (bmsc.fqdn().equals(chosen)) {
                assertThat(bmsc.registration(world.impi(ue))).as("registration at %s", chosen).hasValueSatisfying(r ->
                        assertThat(r.services()).contains(ServiceId.of(service)));
            } else {
                assertThat(bmsc.registration(world.impi(ue))).as("registration at %s", bmsc.fqdn()).isEmpty();
            }
        }
    }

    @Then("every key management request of {string} went to that BM-SC")
    public void everyRequestWentToThatBmsc(String ue) {
        assertThat(chosen).as("the BM-SC the UE chose (ask where it is registered first)").isNotNull();
        assertThat(HttpOnTheWire.of(world, ue)).as("key management requests of %s", ue).hasSizeGreaterThan(2)
                .allSatisfy(e -> assertThat(e.to()).isEqualTo(chosen));
    }
}
