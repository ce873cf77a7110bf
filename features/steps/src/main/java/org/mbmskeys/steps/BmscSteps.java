package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryOutcome;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;

/** The BM-SC and its operator: services, rotations, validity, and what the BM-SC recorded and sent. */
public class BmscSteps {

    private final MbmsWorld world;

    public BmscSteps(MbmsWorld world) {
        this.world = world;
    }

    @Given("a BM-SC {string} in Key Domain {word}")
    public void aBmsc(String fqdn, String keyDomain) {
        world.startBmsc(fqdn, KeyDomainId.parse(keyDomain));
    }

    @Given("the user service {string} uses the {word} Key Group {word}")
    public void theUserServiceUses(String service, String type, String group) {
        world.defineService(service, ServiceType.valueOf(type.toUpperCase(Locale.ROOT)), group);
    }

    @Given("the operator has rotated Key Group {word}")
    @When("the operator rotates Key Group {word}")
    public void theOperatorRotates(String group) {
        world.lastRotatedAt = world.time.now();
        world.lastRotatedAfterCapture = world.capture().size();
        world.lastRotated = world.bmsc.rotate(world.group(group));
        world.settle();
    }

    @Given("the BM-SC keeps at most {int} UE(s) of a re-key in flight")
    public void theBmscKeepsAtMostInFlight(int limit) {
        world.bmsc.rekeyWindow(limit);
    }

    @When("the operator extends the validity of the current MSK of Key Group {word} to MTK IDs {int} to {int}")
    public void theOperatorExtendsTheValidity(String group, int seqLow, int seqHigh) {
        MskRef msk = world.bmsc.currentMsk(world.group(group)).orElseThrow();
        world.bmsc.updateValidity(msk, KeyValidity.of(seqLow, seqHigh));
        world.settle();
    }

    @Then("the BM-SC recorded the delivery of that MSK to {string} as acknowledged after {int} attempt(s)")
    public void recordedAsAcknowledged(String ue, int attempts) {
        assertThat(lastRecord(ue)).satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
            assertThat(r.attempts()).isEqualTo(attempts);
            assertThat(r.acknowledgedAt()).isPresent();
        });
    }

    @Then("the BM-SC recorded the delivery of that MSK to {string} as given up")
    public void recordedAsGivenUp(String ue) {
        assertThat(lastRecord(ue).outcome()).isEqualTo(DeliveryOutcome.GAVE_UP);
    }

    @Then("^the BM-SC sent the push to \"([^\"]*)\" (\\d+) times at (.+)$")
    public void theBmscSentThePushAt(String ue, int times, String at) {
        List<Long> seconds = world.capture().stream()
                .filter(c -> c.message().recipient().equals(ue) && c.message().kind() == Message.Kind.DATAGRAM
                        && c.message().sender().equals(world.bmsc.fqdn()) && !c.sent().isBefore(world.lastRotatedAt))
                .map(c -> Duration.between(world.lastRotatedAt, c.sent()).toSeconds()).toList();
        List<Long> expected = Arrays.stream(at.replace(" and ", ", ").split(",\\s*"))
                .map(s -> Long.parseLong(s.trim().replace("s", ""))).toList();
        assertThat(seconds).hasSize(times).containsExactlyElementsOf(expected);
    }

    private DeliveryRecord lastRecord(String ue) {
        List<DeliveryRecord> records = world.bmsc.deliveries(world.impi(ue));
        assertThat(records).as("delivery records of %s", ue).isNotEmpty();
        DeliveryRecord last = records.get(records.size() - 1);
        assertThat(last.msk()).as("the record is of the MSK just rotated").isEqualTo(world.lastRotated);
        return last;
    }
}
