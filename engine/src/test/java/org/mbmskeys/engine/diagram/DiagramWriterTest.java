package org.mbmskeys.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.engine.model.SourceRef;
import org.mbmskeys.engine.model.StateDefinition;
import org.mbmskeys.engine.model.StateKind;
import org.mbmskeys.engine.model.Trigger;

class DiagramWriterTest {

    record Go() { }

    @Test
    void writesEveryArrowInTheInnermostCompositeThatHoldsBothEnds() {
        String mermaid = DiagramWriter.mermaid().write(Examples.nested());

        assertThat(block(mermaid, "key_exchange")).contains("key_exchange_waiting --> key_exchange_confirming : Offer");
        assertThat(block(mermaid, "session")).contains("key_exchange_confirming --> established : Confirm")
                .doesNotContain("established --> closed");
        assertThat(topLevel(mermaid)).contains("established --> closed : Close", "session --> aborted : signal 'abort'");
    }

    /** Mermaid and PlantUML put a state where it is first mentioned, so the declaration must come first. */
    @Test
    void declaresEveryStateInItsOwnBlockBeforeAnyArrowMentionsIt() {
        for (ProcedureDefinition d : List.of(Examples.flat(), Examples.nested(), Examples.push(), Examples.escaping())) {
            for (DiagramWriter writer : List.of(DiagramWriter.mermaid(), DiagramWriter.plantUml())) {
                Map<String, String> firstMention = new HashMap<>();
                for (String line : writer.write(d).split("\n")) {
                    Matcher m = Pattern.compile("\\b[A-Za-z][A-Za-z0-9_]*\\b").matcher(line.replaceAll("\"[^\"]*\"", ""));
                    while (m.find()) {
                        firstMention.putIfAbsent(m.group(), line.strip());
                    }
                }
                StateIds ids = StateIds.assign(d.states().keySet());
                for (String name : d.states().keySet()) {
                    assertThat(firstMention.get(ids.of(name))).as("%s: first mention of %s", writer.format(), name)
                            .matches("(state .*|" + ids.of(name) + ")");
                }
            }
        }
    }

    @Test
    void endsTheProcedureFromANestedFinalStateAtTheTopLevel() {
        String mermaid = DiagramWriter.mermaid().write(Examples.nested());

        assertThat(block(mermaid, "session")).doesNotContain("--> [*]\n").doesNotContain("expired --> [*]");
        assertThat(topLevel(mermaid)).contains("expired --> [*]");
    }

    @Test
    void startsACompositeAtItsInitialChildInsideItsBlock() {
        String mermaid = DiagramWriter.mermaid().write(Examples.nested());

        assertThat(block(mermaid, "session")).contains("[*] --> key_exchange");
        assertThat(block(mermaid, "key_exchange")).contains("[*] --> key_exchange_waiting");
        assertThat(topLevel(mermaid)).contains("[*] --> idle").doesNotContain("[*] --> key_exchange");
    }

    @Test
    void drawsACompositeWithoutInitialChildWithoutAStartArrow() {
        ProcedureDefinition d = withoutInitialChild();

        assertThat(block(DiagramWriter.mermaid().write(d), "group")).doesNotContain("[*]");
        assertThat(DiagramWriter.plantUml().write(d)).containsOnlyOnce("[*] -->");
        assertThat(DiagramWriter.dot().write(d)).contains("group__start [shape=point, width=0.15, style=invis];")
                .doesNotContain("group__start -> member;");
    }

    @Test
    void marksTheErrorStateInEveryFormat() {
        ProcedureDefinition d = Examples.push();

        assertThat(DiagramWriter.mermaid().write(d)).contains("failed --> [*]\n",
                "classDef errorState fill:#fdd,stroke:#c00,color:#600\n", "class failed errorState\n");
        assertThat(DiagramWriter.plantUml().write(d)).contains("state failed #FFDDDD\n", "failed --> [*]\n");
        assertThat(DiagramWriter.dot().write(d)).contains(
                "failed [label=\"failed\", style=\"rounded,filled\", fillcolor=\"#ffdddd\", color=\"#cc0000\"];",
                "failed -> __end;");
    }

    @Test
    void treatsAStateOfKindErrorAsTheErrorStateEvenIfTheProcedureDoesNotNameIt() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").state("a", s -> s.on(Go.class, "broken"))
                .state("broken", StateKind.ERROR, s -> { })
                .build();

        assertThat(DiagramWriter.mermaid().write(d)).contains("class broken errorState\n");
    }

    @Test
    void leavesOutTheErrorStyleWhenThereIsNoErrorState() {
        assertThat(DiagramWriter.mermaid().write(Examples.flat())).doesNotContain("classDef");
        assertThat(DiagramWriter.plantUml().write(Examples.flat())).doesNotContain("#FFDDDD");
        assertThat(DiagramWriter.dot().write(Examples.flat())).doesNotContain("#ffdddd");
    }

    @Test
    void clipsDotEdgesAtTheBorderOfTheCompositeTheyEnterOrLeaveButNotOfOneTheyStayIn() {
        String dot = DiagramWriter.dot().write(Examples.nested());

        assertThat(dot).contains(
                "idle -> session__start [label=\"Connect\", lhead=cluster_session];",
                "session__start -> aborted [label=\"signal 'abort'\", ltail=cluster_session];",
                "session__start -> key_exchange__start [label=\"signal 'rekey'\", lhead=cluster_key_exchange];",
                "session__start -> key_exchange__start [lhead=cluster_key_exchange];");
    }

    @Test
    void clipsTheEndArrowOfAFinalComposite() {
        ProcedureDefinition d = ProcedureDefinition.builder("p")
                .state("a", s -> s.on(Go.class, "over"))
                .state("over", StateKind.FINAL, s -> s.state("x"))
                .build();

        assertThat(DiagramWriter.dot().write(d)).contains("over__start -> __end [ltail=cluster_over];");
    }

    @Test
    void followsDeclarationOrderNotAlphabeticalOrder() {
        ProcedureDefinition d = ProcedureDefinition.builder("p").initial("b")
                .finalState("zeta")
                .state("b", s -> s.onSignal("y", "zeta").onSignal("x", "alpha"))
                .finalState("alpha")
                .build();

        assertThat(DiagramWriter.mermaid().write(d)).containsSubsequence(
                "    zeta\n", "    b\n", "    alpha\n", "[*] --> b\n",
                "b --> zeta : signal 'y'\n", "b --> alpha : signal 'x'\n",
                "zeta --> [*]\n", "alpha --> [*]\n");
    }

    @Test
    void leavesOutTheSpecAndDescriptionWhenTheDefinitionHasNone() {
        ProcedureDefinition d = ProcedureDefinition.builder("bare").finalState("a").build();

        assertThat(DiagramWriter.mermaid().write(d)).startsWith("---\ntitle: \"bare\"\n---\n");
        assertThat(DiagramWriter.plantUml().write(d)).contains("title bare\n").doesNotContain("caption");
        assertThat(DiagramWriter.dot().write(d)).contains("label=\"bare\";");
    }

    @Test
    void refusesADefinitionThatNamesStatesItDoesNotDeclareAndListsEveryOne() {
        ProcedureDefinition d = ProcedureDefinition.builder("broken").declaredAt(new SourceRef("broken.groovy", 1, 1))
                .initial("nowhere").errorStateName("gone")
                .state("a", s -> s.declaredAt(new SourceRef("broken.groovy", 2, 5))
                        .on(Go.class, t -> t.to("missing").declaredAt(new SourceRef("broken.groovy", 3, 5)))
                        .initial("stranger").state("child"))
                .build();

        assertThatThrownBy(() -> DiagramWriter.mermaid().write(d))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessage(String.join("\n",
                        "broken.groovy:1:1: procedure 'broken' starts in state 'nowhere', which it does not declare;"
                                + " states are [a, child]",
                        "broken.groovy:1:1: procedure 'broken' names error state 'gone', which it does not declare;"
                                + " states are [a, child]",
                        "broken.groovy:2:5: state 'a' starts in 'stranger', which is not one of its children; its"
                                + " children are [child]",
                        "broken.groovy:3:5: transition of state 'a' on Go goes to 'missing', which is not a state;"
                                + " states are [a, child]",
                        "4 problems in 1 file"));
    }

    @Test
    void refusesStatesNestedInAnUnknownStateOrInACycle() {
        SourceRef at = new SourceRef("cycle.groovy", 7, 3);
        Map<String, StateDefinition> states = new java.util.LinkedHashMap<>();
        states.put("top", state("top", Optional.empty(), at));
        states.put("orphan", state("orphan", Optional.of("ghost"), at));
        states.put("x", state("x", Optional.of("y"), at));
        states.put("y", state("y", Optional.of("x"), at));
        ProcedureDefinition d = new ProcedureDefinition("cycle", 1, "", "", List.of(), Optional.empty(), List.of(),
                states, "top", Optional.empty(), at);

        assertThatThrownBy(() -> DiagramWriter.dot().write(d))
                .isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("cycle.groovy:7:3: state 'orphan' is nested in 'ghost', which is not a state")
                .hasMessageContaining("cycle.groovy:7:3: state 'x' is nested in a cycle (x in y in x); nest states"
                        + " as a tree under top-level states")
                .hasMessageContaining("cycle.groovy:7:3: state 'y' is nested in a cycle (y in x in y)")
                .hasMessageEndingWith("3 problems in 1 file");
    }

    @Test
    void drawsAFlawedButNameableDefinitionAsItIs() {
        ProcedureDefinition unreachableAndStuck = ProcedureDefinition.builder("p")
                .finalState("a")
                .state("island", s -> s.on(Trigger.timer("t"), t -> t.to("island")))
                .build();

        assertThat(DiagramWriter.mermaid().write(unreachableAndStuck)).contains("island --> island : timer 't'\n");
    }

    @ParameterizedTest
    @EnumSource(DiagramFormat.class)
    void eachFormatHasItsWriter(DiagramFormat format) {
        assertThat(DiagramWriter.of(format).format()).isEqualTo(format);
        assertThat(format.writer()).isSameAs(DiagramWriter.of(format));
    }

    private static ProcedureDefinition withoutInitialChild() {
        SourceRef at = SourceRef.UNKNOWN;
        Map<String, StateDefinition> states = new java.util.LinkedHashMap<>();
        states.put("group", state("group", Optional.empty(), at));
        states.put("member", new StateDefinition("member", Optional.of("group"), Optional.empty(), StateKind.FINAL,
                List.of(), List.of(), List.of(), List.of(), at));
        return new ProcedureDefinition("p", 1, "", "", List.of(), Optional.empty(), List.of(), states, "group",
                Optional.empty(), at);
    }

    private static StateDefinition state(String name, Optional<String> parent, SourceRef at) {
        return new StateDefinition(name, parent, Optional.empty(), StateKind.NORMAL, List.of(), List.of(), List.of(),
                List.of(), at);
    }

    /** The lines directly inside {@code state ... id {}} (nested blocks included). */
    private static String block(String diagram, String id) {
        List<String> lines = List.of(diagram.split("\n"));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches("\\s*state (\"[^\"]*\" as )?" + id + " \\{")) {
                start = i;
            }
        }
        assertThat(start).as("block of %s in%n%s", id, diagram).isNotNegative();
        int indent = lines.get(start).indexOf('s');
        List<String> body = new ArrayList<>();
        for (int i = start + 1; !lines.get(i).equals(" ".repeat(indent) + "}"); i++) {
            body.add(lines.get(i));
        }
        return String.join("\n", body) + "\n";
    }

    /** The lines at the top level of a Mermaid diagram (indented by exactly one level). */
    private static String topLevel(String mermaid) {
        StringBuilder out = new StringBuilder();
        for (String line : mermaid.split("\n")) {
            if (line.startsWith("    ") && !line.startsWith("     ")) {
                out.append(line.strip()).append('\n');
            }
        }
        return out.toString();
    }
}
