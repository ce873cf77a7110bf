package org.mbmskeys.engine.diagram;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.engine.model.ProcedureDefinition;

/** How each format's text escaping treats the characters that would break its syntax. */
class EscapingTest {

    private static final String TRICKY = "ab -_*/~:;#%\"<>`[]{}\\\nDdirectionLR TB";

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "signal 'stop'            | signal 'stop'",
        "wait: ack                | wait#58; ack",
        "a;b                      | a#59;b",
        "#1                       | #35;1",
        "100%                     | 100#37;",
        "say \"hi\"               | say #quot;hi#quot;",
        "<b>                      | #lt;b#gt;",
        "**bold** `code`          | #42;#42;bold#42;#42; #96;code#96;",
        "change Direction TB      | change #68;irection TB",
        "retry ≤3                 | retry ≤3",
    })
    void mermaidWritesSpecialCharactersAsEntityCodes(String plain, String escaped) {
        assertThat(MermaidWriter.text(plain)).isEqualTo(escaped);
    }

    @Test
    void mermaidTurnsLineBreaksIntoSpacesBecauseALabelEndsAtTheLineEnd() {
        assertThat(MermaidWriter.text("one\ntwo\r\nthree")).isEqualTo("one two  three");
    }

    @Test
    void mermaidTextHasNothingLeftThatEndsALabelOrStartsACommentOrLayoutStatement() {
        Random random = new Random(33246);
        for (int i = 0; i < 2000; i++) {
            String plain = randomText(random);
            // Mermaid swaps each entity code for a placeholder before lexing; so does this check.
            String outsideEntities = MermaidWriter.text(plain).replaceAll("#\\w+;", "¤");

            assertThat(outsideEntities).as("escaped '%s'", plain)
                    .doesNotContain(":", ";", "#", "%", "\"", "<", ">", "`", "*", "\n", "\r")
                    .doesNotContainIgnoringCase("direction");
        }
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "signal 'stop'            | signal 'stop'",
        "wait: ack; #1            | wait: ack; #1",
        "say \"hi\"               | say &#34;hi&#34;",
        "a\\b                     | a\\\\b",
        "x--y                     | x~--y",
        "x---y                    | x~-~--y",
        "__u__ **b** //i//        | ~__u~__ ~**b~** ~//i~//",
        "a-b_c*d/e                | a-b_c*d/e",
        "~wave~                   | ~~wave~~",
        "<b> [[link]]             | ~<b> ~[[link]]",
    })
    void plantUmlEscapesCreoleMarkupWithTildeAndQuotesAsEntities(String plain, String escaped) {
        assertThat(PlantUmlWriter.text(plain)).isEqualTo(escaped);
    }

    @Test
    void plantUmlWritesLineBreaksAsBackslashN() {
        assertThat(PlantUmlWriter.text("one\ntwo\r\nthree")).isEqualTo("one\\ntwo\\nthree");
    }

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "key-exchange.waiting     | \"key-exchange.waiting\"",
        "say \"hi\"               | \"say \\\"hi\\\"\"",
        "a\\b                     | \"a\\\\b\"",
        "<b>x</b>; #1: 100%       | \"<b>x</b>; #1: 100%\"",
    })
    void dotQuotesEveryStringAndEscapesQuoteAndBackslash(String plain, String quoted) {
        assertThat(DotWriter.quote(plain)).isEqualTo(quoted);
    }

    @Test
    void dotWritesLineBreaksAsBackslashN() {
        assertThat(DotWriter.quote("one\ntwo\r\nthree")).isEqualTo("\"one\\ntwo\\nthree\"");
    }

    @Test
    void dotStringsNeverEndEarly() {
        Random random = new Random(2269);
        for (int i = 0; i < 2000; i++) {
            String quoted = DotWriter.quote(randomText(random));
            String inner = quoted.substring(1, quoted.length() - 1).replace("\\\\", "").replace("\\\"", "");

            assertThat(inner).as(quoted).doesNotContain("\"", "\n");
        }
    }

    @Test
    void aStateNameThatNeedsEscapingIsShownAsItsLabelUnderASafeId() {
        var definition = ProcedureDefinition.builder("p").finalState("wait: \"ack\"").build();

        assertThat(DiagramWriter.mermaid().write(definition))
                .contains("    state \"wait#58; #quot;ack#quot;\" as wait___ack_\n");
        assertThat(DiagramWriter.plantUml().write(definition))
                .contains("state \"wait: &#34;ack&#34;\" as wait___ack_\n");
        assertThat(DiagramWriter.dot().write(definition))
                .contains("    wait___ack_ [label=\"wait: \\\"ack\\\"\"];\n");
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(12); n >= 0; n--) {
            text.append(TRICKY.charAt(random.nextInt(TRICKY.length())));
        }
        // Make the layout keyword likely enough to be exercised.
        return random.nextInt(4) == 0 ? text + "direction " + text : text.toString();
    }
}
