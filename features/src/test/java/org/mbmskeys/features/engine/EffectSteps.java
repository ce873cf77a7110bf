package org.mbmskeys.features.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.en.Then;
import java.util.List;
import org.mbmskeys.engine.spi.RejectionReason;
import org.mbmskeys.features.engine.Journal.Kind;
import org.mbmskeys.features.engine.Journal.Line;

/**
 * What the engine let out: outcomes, sends, replies, rejections, and the journal itself. "It" is the last
 * driving step (a start, event, signal, envelope, time step, restart or reload): these steps look at what
 * that step caused, except those that say "in all".
 */
public class EffectSteps {

    private final World world;

    public EffectSteps(World world) {
        this.world = world;
    }

    @Then("it emitted, in order:")
    public void itEmittedInOrder(List<String> outcomes) {
        assertThat(world.journal.valuesInWindow(Kind.OUTCOME)).as(window("outcomes")).containsExactlyElementsOf(outcomes);
    }

    @Then("it emitted nothing")
    public void itEmittedNothing() {
        assertThat(world.journal.valuesInWindow(Kind.OUTCOME)).as(window("outcomes")).isEmpty();
    }

    @Then("it emitted {string}")
    public void itEmitted(String outcome) {
        assertThat(world.journal.valuesInWindow(Kind.OUTCOME)).as(window("outcomes")).containsExactly(outcome);
    }

    @Then("the messages sent on {string} in all were:")
    public void theMessagesSentInAllWere(String channel, List<String> payloads) {
        assertThat(world.journal.sentOn(channel)).as("payloads sent on '%s' in the whole scenario", channel)
                .containsExactlyElementsOf(payloads);
    }

    @Then("{int} message(s) was/were sent on {string} in all")
    public void messagesWereSentInAll(int count, String channel) {
        assertThat(world.journal.sentOn(channel)).as("payloads sent on '%s' in the whole scenario", channel)
                .hasSize(count);
    }

    @Then("it sent nothing")
    public void itSentNothing() {
        assertThat(world.journal.inWindow(Kind.SENT)).as(window("sends")).isEmpty();
    }

    @Then("the reply was {string}")
    public void theReplyWas(String payload) {
        assertThat(world.journal.valuesInWindow(Kind.REPLY)).as(window("replies")).containsExactly(payload);
    }

    @Then("it was rejected as {reason}")
    public void itWasRejectedAs(RejectionReason reason) {
        assertThat(rejections()).as(window("rejections")).extracting(Line::subject).containsExactly(reason.name());
    }

    @Then("it was rejected as {reason}, because:")
    public void itWasRejectedAsBecause(RejectionReason reason, String detail) {
        itWasRejectedAs(reason);
        assertThat(rejections().get(0).value()).as("detail of the rejection").isEqualTo(detail.strip());
    }

    @Then("nothing was rejected")
    public void nothingWasRejected() {
        assertThat(rejections()).as(window("rejections")).isEmpty();
    }

    @Then("the journal shows:")
    public void theJournalShows(String expected) {
        assertThat(world.journal.window()).as("journal of the last step").extracting(Line::text)
                .containsExactlyElementsOf(expected.lines().map(String::strip).toList());
    }

    @Then("the journal shows nothing")
    public void theJournalShowsNothing() {
        assertThat(world.journal.window()).as("journal of the last step").isEmpty();
    }

    private List<Line> rejections() {
        return world.journal.inWindow(Kind.REJECTED);
    }

    private String window(String what) {
        return what + " of the last step; it journaled:\n" + String.join("\n",
                world.journal.window().stream().map(Line::text).toList());
    }
}
