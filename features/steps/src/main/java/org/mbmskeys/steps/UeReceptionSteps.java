package org.mbmskeys.steps;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.mbmskeys.mbms.mikey.protection.MikeyRejection;
import org.mbmskeys.adapters.memory.Captured;
import org.mbmskeys.adapters.memory.Message;
import org.mbmskeys.mbms.ue.keys.KeyRejection;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * What a UE does with the MIKEY messages it receives (TS 33.246 §6.4.6, §6.5): the discards it reports, with
 * their reason, the sessions it joins, and the keys it holds afterwards.
 */
public class UeReceptionSteps {

    /** The words a feature uses for a discard reason, and the typed reason the UE reports. */
    static final Map<String, Enum<?>> REASONS = Map.of(
            "a bad MAC", MikeyRejection.BAD_MAC,
            "a replayed counter", KeyRejection.REPLAYED_COUNTER,
            "an unknown MUK", KeyRejection.UNKNOWN_MUK,
            "an MTK ID that is not newer", KeyRejection.STALE_MTK_ID,
            "outside the key validity", KeyRejection.OUTSIDE_VALIDITY,
            "for an invalid MSK", KeyRejection.MSK_INVALIDATED,
            "for an unknown MSK", KeyRejection.UNKNOWN_KEY);

    private final MbmsWorld world;

    public UeReceptionSteps(MbmsWorld world) {
        this.world = world;
    }

    /**
     * The last MIKEY message the UE received was discarded for that reason: its last discard has the reason,
     * no key was stored after it, and the UE sent nothing back for it (no MIKEY datagram from the UE after the
     * discarded one arrived).
     */
    @Then("^\"([^\"]*)\" discarded (?:it|the MTK message) as (a bad MAC|a replayed counter|an unknown MUK"
            + "|an MTK ID that is not newer|outside the key validity|for an invalid MSK|for an unknown MSK)$")
    public void discardedItAs(String ue, String why) {
        Enum<?> reason = REASONS.get(why);
        List<UeOutcome> ofUe = world.ueOutcomes().stream().filter(o -> o.ue().equals(ue)).toList();
        List<UeOutcome.DatagramDiscarded> discards = ofUe.stream()
                .filter(UeOutcome.DatagramDiscarded.class::isInstance).map(UeOutcome.DatagramDiscarded.class::cast)
                .toList();
        assertThat(discards).as("discards reported by %s", ue).isNotEmpty();
        UeOutcome.DatagramDiscarded last = discards.get(discards.size() - 1);
        assertThat(last.reason()).as("the reason of %s's last discard (%s)", ue, last.detail()).isEqualTo(reason);
        assertThat(ofUe.subList(ofUe.lastIndexOf(last), ofUe.size())).as("what %s did after that discard", ue)
                .noneMatch(o -> o instanceof UeOutcome.MskReceived || o instanceof UeOutcome.MtkReceived);
        nothingSentBackAfterTheLastDatagramTo(ue);
    }

    /** No MIKEY datagram left the UE once the last datagram to it had arrived (§6.3.3.2: no error message). */
    private void nothingSentBackAfterTheLastDatagramTo(String ue) {
        List<Captured> capture = world.network().capture();
        Instant arrived = capture.stream().filter(c -> c.message().kind() == Message.Kind.DATAGRAM
                        && c.message().recipient().equals(ue) && c.fate() == Captured.Fate.DELIVERED)
                .map(c -> c.deliverAt().orElseThrow()).reduce((a, b) -> b).orElseThrow();
        assertThat(capture).as("MIKEY datagrams %s sent after the discarded one arrived", ue)
                .noneMatch(c -> c.message().kind() == Message.Kind.DATAGRAM && c.message().sender().equals(ue)
                        && !c.sent().isBefore(arrived));
    }

    @When("{string} joins the {string} session")
    public void joinsTheSession(String ue, String session) {
        world.network().node(world.ue(ue).name()).join(world.sessionGroup(session));
        world.settle();
    }

    @Then("{string} holds no MBMS keys")
    public void holdsNoMbmsKeys(String ue) {
        UeKeyState state = world.ue(ue).keyStore().snapshot();
        assertThat(state.holdsNoKeys()).as("%s holds no MUK, MRK, MSK, MTK, counter or marker: %s", ue, state).isTrue();
    }
}
