package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The DSL's surface. A new public method on a keyword class becomes a keyword; this test fails until
 * docs/dsl.md and this list say so too.
 */
class KeywordsTest {

    @Test
    void eachBlockHasItsKeywords() {
        assertThat(Keywords.of(BlockKind.TOP)).containsExactly("procedure");
        assertThat(Keywords.of(BlockKind.PROCEDURE)).containsExactly("correlateBy", "description", "errorState", "finalState",
                "initial", "input", "spec", "state", "variable");
        assertThat(Keywords.of(BlockKind.STATE)).containsExactly("after", "delay", "hours", "initial", "millis", "minutes", "on",
                "onEntry", "onExit", "seconds", "signal", "state");
        assertThat(Keywords.of(BlockKind.ON)).containsExactly("action", "goTo", "guard");
        assertThat(Keywords.of(BlockKind.AFTER)).containsExactly("action", "goTo", "guard", "hours", "millis", "minutes", "retry",
                "seconds");
        assertThat(Keywords.of(BlockKind.ACTION)).containsExactly("attempt", "context", "emit", "event", "get", "hours", "input",
                "key", "millis", "minutes", "now", "procedure", "random", "reply", "restartTimer", "seconds", "send", "service", "set",
                "signal", "start", "state");
        assertThat(Keywords.actionProperties()).containsExactly("attempt", "context", "event", "key", "now", "procedure", "state");
    }

    @Test
    void everyMethodOfABlockClassIsAKeywordOfTheKeywordTableAndEveryEntryIsOffered() {
        java.util.Set<String> offered = new java.util.TreeSet<>();
        for (BlockKind block : BlockKind.values()) {
            for (String word : Keywords.of(block)) {
                assertThat(Keyword.named(word)).as("keyword '" + word + "' " + block.where() + " has no entry in Keyword").isPresent();
                offered.add(word);
            }
        }
        for (Keyword keyword : Keyword.values()) {
            assertThat(offered).as("Keyword." + keyword + " is no public method of a block class").contains(keyword.word());
        }
    }

    @Test
    void theBlocksThatKeywordsOpenAndWhatEventIsInThem() {
        assertThat(BlockKind.openedBy("procedure")).isEqualTo(BlockKind.PROCEDURE);
        assertThat(BlockKind.openedBy("errorState")).isEqualTo(BlockKind.STATE);
        assertThat(BlockKind.openedBy("after")).isEqualTo(BlockKind.AFTER);
        assertThat(BlockKind.openedBy("guard")).isEqualTo(BlockKind.ACTION);
        assertThat(BlockKind.openedBy("goTo")).isNull();
        assertThat(BlockKind.openedBy("sginal")).isNull();
        assertThat(Keyword.ON.trigger()).isEqualTo(Keyword.Trigger.EVENT_OR_SIGNAL);
        assertThat(Keyword.AFTER.trigger()).isEqualTo(Keyword.Trigger.TIMER);
        assertThat(Keyword.ON_ENTRY.trigger()).isEqualTo(Keyword.Trigger.ANY);
    }

    @Test
    void everyKeywordThatTakesArgumentsHasAUsageExample() {
        for (BlockKind block : BlockKind.values()) {
            for (String keyword : Keywords.of(block)) {
                boolean property = block == BlockKind.ACTION && Keywords.actionProperties().contains(keyword)
                        && !keyword.equals("state");
                if (!property) {
                    assertThat(Keywords.usage(block, keyword)).as(block + " " + keyword).isNotEqualTo(keyword);
                }
            }
        }
    }

    @Test
    void namesArgumentTypesAsAScriptWritesThem() {
        assertThat(Keywords.typeNames(new Object[] {42, "x", null, 5L, 'c', new groovy.lang.Closure<Object>(null) {
        }, String.class})).containsExactly("Integer", "String", "null", "Long", "Character", "Closure", "Class");
        assertThat(Keywords.simpleName(int.class)).isEqualTo("Integer");
        assertThat(Keywords.simpleName(boolean.class)).isEqualTo("Boolean");
    }
}
