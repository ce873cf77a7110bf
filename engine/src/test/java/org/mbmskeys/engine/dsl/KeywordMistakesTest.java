package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every keyword of every block, written wrong in the usual ways (null arguments, a typo'd name, arguments
 * of the wrong type), in both compilation modes: the compiler never throws, and every problem it reports
 * has its position and speaks the DSL's language, never Java's (no exception class, no package name).
 * The mistakes are generated from the keywords the block classes offer, so a new keyword is walked too.
 */
class KeywordMistakesTest {

    private static final Pattern JAVA_WORDS = Pattern.compile("\\b[A-Z]\\w*(Exception|Error)\\b|\\b(java|groovy|org\\.codehaus)\\.");
    private static final Pattern POSITIONED = Pattern.compile("t\\.groovy:\\d+:\\d+: \\S.*", Pattern.DOTALL);

    @ParameterizedTest(name = "static={0}: {1} {2}")
    @MethodSource("mistakes")
    void everyMistakeIsToldInTheDslsOwnTerms(boolean statically, BlockKind block, String statement) {
        List<String> problems = Scripts.problems(statically, scriptWith(block, statement));

        for (String problem : problems) {
            assertThat(problem).as(statement).matches(POSITIONED).doesNotContainPattern(JAVA_WORDS);
        }
    }

    @ParameterizedTest(name = "static={0}: {1} {2}")
    @MethodSource("typos")
    void aTypoedKeywordIsReportedWithTheKeywordItResembles(boolean statically, BlockKind block, String statement, String word) {
        List<String> problems = Scripts.problems(statically, scriptWith(block, statement));

        assertThat(problems).as(statement).anySatisfy(p -> assertThat(p).contains("did you mean '" + word + "'"));
        for (String problem : problems) {
            assertThat(problem).as(statement).matches(POSITIONED).doesNotContainPattern(JAVA_WORDS);
        }
    }

    static Stream<Arguments> mistakes() {
        List<Arguments> out = new ArrayList<>();
        for (boolean statically : new boolean[] {true, false}) {
            for (BlockKind block : BlockKind.values()) {
                for (String word : Keywords.of(block)) {
                    for (String statement : wrongCalls(block, word)) {
                        out.add(Arguments.of(statically, block, statement));
                    }
                }
            }
        }
        return out.stream();
    }

    static Stream<Arguments> typos() {
        List<Arguments> out = new ArrayList<>();
        for (boolean statically : new boolean[] {true, false}) {
            for (BlockKind block : BlockKind.values()) {
                for (String word : Keywords.of(block)) {
                    String typo = typo(word);
                    out.add(Arguments.of(statically, block, typo + "('x')", word));
                    if (block == BlockKind.STATE) {
                        // a typo'd word as the argument of another keyword: on(sginal('x')) { ... }
                        out.add(Arguments.of(statically, block, "on(" + typo + "('x')) { goTo 'done' }", word));
                        out.add(Arguments.of(statically, block, "after(" + typo + "(1)) { goTo 'done' }", word));
                    }
                }
            }
        }
        return out.stream();
    }

    /** {@code word} with null arguments and with arguments of the wrong types, for each way it can be called. */
    private static List<String> wrongCalls(BlockKind block, String word) {
        List<String> out = new ArrayList<>();
        for (Method m : methods(block, word)) {
            int n = m.getParameterCount();
            if (n == 0) {
                out.add(word + "(null)");
                out.add(word + "(42)");
                continue;
            }
            out.add(word + "(" + String.join(", ", Collections.nCopies(n, "null")) + ")");
            List<String> wrong = new ArrayList<>();
            for (Class<?> type : m.getParameterTypes()) {
                wrong.add(wrongValueFor(type));
            }
            out.add(word + "(" + String.join(", ", wrong) + ")");
            if (n > 1) {
                out.add(word + "(" + String.join(", ", Collections.nCopies(n - 1, "null")) + ") { }");
            }
        }
        out.add(word);
        return out;
    }

    private static String wrongValueFor(Class<?> type) {
        boolean numeric = type.isPrimitive() || Number.class.isAssignableFrom(type);
        return numeric ? "'x'" : "42";
    }

    private static List<Method> methods(BlockKind block, String word) {
        List<Method> out = new ArrayList<>();
        for (Class<?> type : block.keywordClasses()) {
            for (Method m : type.getDeclaredMethods()) {
                String property = Keywords.propertyOf(m.getName());
                boolean getter = m.getParameterCount() == 0 && word.equals(property);
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && (m.getName().equals(word) || getter)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /** The word with its second and third letters swapped: signal, sginal. */
    private static String typo(String word) {
        if (word.length() < 3) {
            return word + "x";
        }
        char[] c = word.toCharArray();
        char t = c[1];
        c[1] = c[2];
        c[2] = t;
        String swapped = new String(c);
        return swapped.equals(word) ? word + "x" : swapped;
    }

    /** A valid procedure with {@code statement} on a line of its own in a block of kind {@code block}. */
    static String scriptWith(BlockKind block, String statement) {
        String top = block == BlockKind.TOP ? statement + "\n" : "";
        String procedure = block == BlockKind.PROCEDURE ? "    " + statement + "\n" : "";
        String state = block == BlockKind.STATE ? "        " + statement + "\n" : "";
        String on = block == BlockKind.ON ? "            " + statement + "\n" : "";
        String after = block == BlockKind.AFTER ? "            " + statement + "\n" : "";
        String action = block == BlockKind.ACTION ? "                " + statement + "\n" : "";
        return top
                + "procedure('t') {\n"
                + procedure
                + "    initial 'a'\n"
                + "    state('a') {\n"
                + state
                + "        on(Ack) {\n"
                + on
                + "            action {\n"
                + action
                + "            }\n"
                + "            goTo 'done'\n"
                + "        }\n"
                + "        after(seconds(1)) {\n"
                + after
                + "            goTo 'done'\n"
                + "        }\n"
                + "    }\n"
                + "    finalState 'done'\n"
                + "    errorState 'failed'\n"
                + "}\n";
    }
}
