package org.mbmskeys.steps;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.MukMrk;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.keys.MskChange;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.registration.RegistrationState;

/**
 * Registration and deregistration at the BM-SC (TS 33.246 §6.3.2.1A, §6.3.2.1B): Digest failures, services the
 * BM-SC refuses or does not carry, and the invalidation of the MSKs a UE no longer needs.
 */
public class BmscRegistrationSteps {

    private final MbmsWorld world;
    private Instant deregisteredAt;
    private int capturedBefore;
    private KeyGroup invalidatedGroup;

    public BmscRegistrationSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("{string} computes its Digest password from a wrong MRK")
    public void computesItsPasswordFromAWrongMrk(String ue) {
        world.ue(ue);
        world.wrongMrk.add(ue);
    }

    @Then("the BM-SC answered {string} {int} every time")
    public void answeredEveryTime(String ue, int status) {
        assertThat(BmscKeyRequestSteps.statusesTo(world, ue)).as("the status codes of the BM-SC's answers to %s", ue)
                .isNotEmpty().containsOnly(status);
    }

    @When("{string} starts using {string} and {string}")
    public void startsUsingBoth(String ue, String first, String second) {
        world.ue(ue).use(first);
        world.ue(ue).use(second);
        world.settle();
    }

    /** A service the UE read an announcement of (Key Group 0909, Key Number 0), which the BM-SC does not define. */
    @When("{string} asks to register to {string}")
    public void asksToRegisterTo(String ue, String service) {
        assertThat(world.services).as("services the BM-SC defines").doesNotContainKey(service);
        MskRef msk = MskRef.of(world.domain, MskId.current(KeyGroup.parseHex("0909")));
        world.ue(ue).announce(UserServiceDescription.protectedBy(service, new ServiceProtection(
                List.of(Fqdn.of(world.bmsc().fqdn())), false, false, List.of(msk), Optional.empty(),
                Map.of(service + "-live", msk), ServiceType.DOWNLOAD)));
        world.ue(ue).use(service);
        world.settle();
    }

    // ------------------------------------------------------------------------------- deregistration

    @Given("{string} is registered to {string}, {string} and {string}")
    public void isRegisteredToThree(String ue, String first, String second, String third) {
        for (String service : List.of(first, second, third)) {
            world.announce(ue, service);
            world.ue(ue).use(service);
        }
        world.settle();
        for (String service : List.of(first, second, third)) {
            assertThat(world.ue(ue).registration(service)).as("%s registered to %s", ue, service)
                    .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo(RegistrationState.REGISTERED));
        }
    }

    @When("{string} deregisters from {string}")
    public void deregistersFrom(String ue, String service) {
        deregisteredAt = world.time().now();
        capturedBefore = world.capture().size();
        world.ue(ue).leave(service);
        world.settle();
    }

    @Then("the BM-SC sent {string} an invalidation of the MSK of Key Group {word}")
    public void sentAnInvalidation(String ue, String group) {
        KeyGroup keyGroup = world.group(group).keyGroup();
        invalidatedGroup = keyGroup;
        assertThat(mikeyToSinceDeregistration(ue)).as("MIKEY messages to %s since the deregistration", ue).isNotEmpty();
        assertThat(world.ueOutcomes()).as("what %s made of them", ue).anyMatch(o -> o instanceof UeOutcome.MskReceived r
                && r.ue().equals(ue) && r.change() == MskChange.INVALIDATED && r.msk().keyGroup().equals(keyGroup));
        assertThat(world.ueOutcomes()).noneMatch(o -> o instanceof UeOutcome.MskReceived r && r.ue().equals(ue)
                && r.change() == MskChange.INVALIDATED && !r.msk().keyGroup().equals(keyGroup));
    }

    @Then("{string} treats the MSK of Key Group {word} as invalid")
    public void treatsAsInvalid(String ue, String group) {
        MskRef current = world.bmsc().currentMsk(world.group(group)).orElseThrow();
        assertThat(world.ue(ue).keyStore().isInvalidated(current)).as("%s holds %s as invalidated", ue, current).isTrue();
        assertThat(world.ue(ue).keyStore().msks()).as("MSKs %s holds", ue)
                .noneMatch(m -> m.ref().keyGroup().equals(current.keyGroup()) && !m.validity().isInvalidation());
    }

    @Then("the BM-SC recorded the invalidation for {string}")
    public void recordedTheInvalidation(String ue) {
        assertThat(world.bmsc().deliveries(world.impi(ue))).as("delivery records of %s", ue)
                .anyMatch(d -> d.outcome() == DeliveryOutcome.INVALIDATED
                        && d.msk().keyGroup().equals(invalidatedGroup) && !d.firstSentAt().isBefore(deregisteredAt));
    }

    @Then("the BM-SC sent {string} no invalidation")
    public void sentNoInvalidation(String ue) {
        assertThat(mikeyToSinceDeregistration(ue)).as("MIKEY messages to %s since the deregistration", ue).isEmpty();
        assertThat(world.bmsc().deliveries(world.impi(ue))).noneMatch(d -> d.outcome() == DeliveryOutcome.INVALIDATED);
    }

    @Then("{string} is still registered at the BM-SC to {string}, {string} and {string}")
    public void stillRegisteredTo(String ue, String first, String second, String third) {
        assertThat(world.bmsc().registration(world.impi(ue))).hasValueSatisfying(r -> assertThat(r.services())
                .containsExactlyInAnyOrder(ServiceId.of(first), ServiceId.of(second), ServiceId.of(third)));
    }

    private List<?> mikeyToSinceDeregistration(String ue) {
        assertThat(deregisteredAt).as("a deregistration happened").isNotNull();
        return world.capture().stream().skip(capturedBefore).filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                && c.message().recipient().equals(ue)).toList();
    }

    // ------------------------------------------------------------------------------- a request made by hand

    /**
     * The steps speak for the UE: a GBA run on its card, then a registration POST from its address whose body is
     * not XML, first without credentials (answered with the challenge), then with Digest over that body (auth-int,
     * password from the MRK, Annex H), so that only the body is wrong.
     */
    @When("{string} posts a registration whose body is not XML")
    public void postsANonXmlRegistration(String ue) {
        String fqdn = world.bmsc().fqdn();
        GbaClient gba = world.gbaClientOnTheCardOf(ue);
        BootstrappingContext context = gba.bootstrap(world.bsf());
        MukMrk keys = gba.mukMrk(NafId.forMbms(fqdn));
        DigestClient digest;
        try {
            digest = new DigestClient(context.bTid().format(), MrkDigestPassword.derive(keys.mrk()), DigestRealm.bootstrapping(fqdn),
                    MbmsWorld.seeded(5));
        } finally {
            keys.destroy();
        }
        String uri = "/keymanagement?requesttype=register";
        Bytes body = Bytes.wrap("this is not XML".getBytes(US_ASCII));
        String challenge = post(ue, uri, body, Optional.empty());
        assertThat(challenge).as("the answer to the request without credentials").startsWith("HTTP/1.1 401 ");
        List<String> wwwAuthenticate = challenge.lines().filter(l -> l.startsWith("WWW-Authenticate: "))
                .map(l -> l.substring("WWW-Authenticate: ".length())).toList();
        digest.onChallenge(wwwAuthenticate);
        post(ue, uri, body, Optional.of(digest.authorize("POST", uri, body).toHeaderValue()));
    }

    @Then("the BM-SC answered {string} {int}")
    public void theBmscAnswered(String ue, int status) {
        List<Integer> statuses = BmscKeyRequestSteps.statusesTo(world, ue);
        assertThat(statuses).as("the status codes of the BM-SC's answers to %s", ue).isNotEmpty();
        assertThat(statuses.get(statuses.size() - 1)).as("the last answer to %s", ue).isEqualTo(status);
    }

    private String post(String ue, String uri, Bytes body, Optional<String> authorization) {
        String head = "POST " + uri + " HTTP/1.1\r\n"
                + "Host: " + world.bmsc().fqdn() + ":80\r\n"
                + "User-Agent: mbms-keys-steps 3gpp-gba\r\n"
                + "Content-Type: application/mbms-register+xml\r\n"
                + "Content-Length: " + body.length() + "\r\n"
                + authorization.map(a -> "Authorization: " + a + "\r\n").orElse("")
                + "\r\n";
        byte[] h = head.getBytes(US_ASCII);
        byte[] b = body.toByteArray();
        byte[] all = new byte[h.length + b.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(b, 0, all, h.length, b.length);
        AtomicReference<String> answer = new AtomicReference<>();
        world.network().node(ue).send(Envelope.of(Endpoint.of(ue, 40000), Endpoint.of(world.bmsc().fqdn(), 80), Bytes.wrap(all))
                .withReplyHandle(payload -> answer.set(new String(((Bytes) payload).toByteArray(), US_ASCII))));
        world.settle();
        assertThat(answer.get()).as("the BM-SC's answer to %s's request", ue).isNotNull();
        return answer.get();
    }
}
