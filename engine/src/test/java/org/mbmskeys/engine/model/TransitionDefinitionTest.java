package org.mbmskeys.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The guard label of a transition: optional, only with a guard, never blank; the old constructor stays. */
class TransitionDefinitionTest {

    record Ack() {
    }

    private static final Guard OK = context -> true;
    private static final SourceRef AT = new SourceRef("t.groovy", 4, 9);

    @Test
    void theConstructorWithoutALabelGivesNoLabel() {
        TransitionDefinition t = new TransitionDefinition(Trigger.event(Ack.class), Optional.of(OK), List.of(),
                Optional.of("done"), Optional.empty(), AT);

        assertThat(t.guardLabel()).isEmpty();
        assertThat(t.guard()).contains(OK);
        assertThat(t.target()).contains("done");
    }

    @Test
    void keepsTheLabelOfItsGuard() {
        TransitionDefinition t = new TransitionDefinition(Trigger.event(Ack.class), Optional.of(OK), Optional.of("ack is ok"),
                List.of(), Optional.of("done"), Optional.empty(), AT);

        assertThat(t.guardLabel()).contains("ack is ok");
    }

    @Test
    void withGuardLabelCopiesEverythingElse() {
        TransitionDefinition plain = new TransitionDefinition(Trigger.event(Ack.class), Optional.of(OK), List.of(),
                Optional.of("done"), Optional.empty(), AT);

        TransitionDefinition labelled = plain.withGuardLabel("ack is ok");

        assertThat(labelled.guardLabel()).contains("ack is ok");
        assertThat(labelled).isEqualTo(new TransitionDefinition(plain.trigger(), plain.guard(), Optional.of("ack is ok"),
                plain.actions(), plain.target(), plain.retry(), plain.declaredAt()));
    }

    @Test
    void refusesALabelWithoutAGuard() {
        assertThatThrownBy(() -> new TransitionDefinition(Trigger.event(Ack.class), Optional.empty(), Optional.of("ack is ok"),
                List.of(), Optional.of("done"), Optional.empty(), AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("guard label 'ack is ok' of the transition on Ack at t.groovy:4:9 describes a guard, but the "
                        + "transition has none; give the guard too, or no label");
    }

    @Test
    void refusesABlankLabel() {
        assertThatThrownBy(() -> new TransitionDefinition(Trigger.event(Ack.class), Optional.of(OK), Optional.of("  "),
                List.of(), Optional.of("done"), Optional.empty(), AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the guard label of the transition on Ack at t.groovy:4:9 is blank; give a short text of what "
                        + "the guard checks, or Optional.empty()");
    }
}
