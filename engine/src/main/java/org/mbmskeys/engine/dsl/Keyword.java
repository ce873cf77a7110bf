package org.mbmskeys.engine.dsl;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every word of the DSL, with what the compiler needs to know about it beyond its method: how it is
 * written (for "expected ..." texts), which block its closure argument opens, what {@code event} is in
 * that block, and what it declares. Which blocks offer a word is read from the public methods of the
 * block classes ({@link Keywords}); everything else about a word is said here, once. A new keyword is a
 * public method on its block class plus a constant here (KeywordsTest fails until both exist).
 */
enum Keyword {
    PROCEDURE("procedure", "procedure('name') { ... }", Map.of(BlockKind.ACTION, "procedure (the procedure's name)"),
            BlockKind.PROCEDURE, Declares.NOTHING, Trigger.NONE),
    DESCRIPTION("description", "description 'what the procedure does'"),
    SPEC("spec", "spec 'TS 33.246 §6.3.2.3'"),
    INPUT("input", "input 'name', Type", Map.of(BlockKind.ACTION, "input('name')"), null, Declares.INPUT, Trigger.NONE),
    CORRELATE_BY("correlateBy", "correlateBy 'inputName'"),
    VARIABLE("variable", "variable 'name', Type or variable 'name', Type, initialValue", Map.of(), null, Declares.VARIABLE,
            Trigger.NONE),
    INITIAL("initial", "initial 'stateName'", Map.of(BlockKind.STATE, "initial 'childState'"), null, Declares.NOTHING,
            Trigger.NONE),
    STATE("state", "state('name') { ... }", Map.of(BlockKind.ACTION, "state (the current state's name)"), BlockKind.STATE,
            Declares.NOTHING, Trigger.NONE),
    FINAL_STATE("finalState", "finalState 'name' or finalState('name') { onEntry { ... } }", BlockKind.STATE),
    ERROR_STATE("errorState", "errorState 'name' or errorState('name') { onEntry { ... } }", BlockKind.STATE),
    ON_ENTRY("onEntry", "onEntry { ... }", Map.of(), BlockKind.ACTION, Declares.NOTHING, Trigger.ANY),
    ON_EXIT("onExit", "onExit { ... }", Map.of(), BlockKind.ACTION, Declares.NOTHING, Trigger.ANY),
    ON("on", "an event class or signal('name'), as in on(Ack) { ... } or on(signal('cancel')) { ... }", Map.of(),
            BlockKind.ON, Declares.NOTHING, Trigger.EVENT_OR_SIGNAL),
    DELAY("delay", "delay { duration } or delay('what it is') { duration }, as in after(delay('back-off') { seconds(30) }) { ... }",
            BlockKind.ACTION),
    AFTER("after", "a duration, as in after(seconds(5)) { ... } or after(seconds(5), 'timerName') { ... }", Map.of(),
            BlockKind.AFTER, Declares.NOTHING, Trigger.TIMER),
    SIGNAL("signal", "signal('name'), as in on(signal('cancel')) { ... }", Map.of(BlockKind.ACTION,
            "signal('procedure', key, 'name') or signal('procedure', key, 'name', payload)"), null, Declares.NOTHING, Trigger.NONE),
    MILLIS("millis", "millis(5)"),
    SECONDS("seconds", "seconds(5)"),
    MINUTES("minutes", "minutes(5)"),
    HOURS("hours", "hours(5)"),
    GUARD("guard", "guard { condition } or guard('what it checks') { condition }", BlockKind.ACTION),
    ACTION("action", "action { ... }", BlockKind.ACTION),
    GO_TO("goTo", "goTo 'stateName'"),
    RETRY("retry", "retry 3 (the number of retries before goTo is taken), or retry 4, backoff: 2.0, max: seconds(30), jitter: 0.1"),
    SEND("send", "send 'channel', payload"),
    REPLY("reply", "reply payload"),
    START("start", "start 'procedure', key or start 'procedure', key, [input: value]"),
    EMIT("emit", "emit outcome"),
    RESTART_TIMER("restartTimer", "restartTimer 'timerName'"),
    GET("get", "get('variable')"),
    SET("set", "set('variable', value)"),
    RANDOM("random", "random(16)"),
    SERVICE("service", "service(TypeName), as in service(KeyDistribution).push(key, msk)"),
    // the action properties: read by bare name
    EVENT("event", "event (the event being processed)"),
    NOW("now", "now (the current time)"),
    ATTEMPT("attempt", "attempt (how many times a retry re-entered the state)"),
    KEY("key", "key (the instance's correlation key)"),
    CONTEXT("context", "context (the raw action context)");

    /** What {@code event} is in the block a keyword opens. */
    enum Trigger {
        /** the keyword opens no transition block: the block around it says */
        NONE,
        /** any event may have entered the state: {@code onEntry}, {@code onExit} */
        ANY,
        /** the class given as first argument, or {@code Signal} for {@code signal('name')} */
        EVENT_OR_SIGNAL,
        /** {@code TimerFired} */
        TIMER
    }

    /** What a call of the keyword with a literal name and a class declares for action bodies to use by name. */
    enum Declares {
        NOTHING, INPUT, VARIABLE
    }

    private static final Map<String, Keyword> BY_WORD = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Keyword::word, Function.identity()));

    private final String word;
    private final String usage;
    private final Map<BlockKind, String> usageIn;
    private final BlockKind opens;
    private final Declares declares;
    private final Trigger trigger;

    Keyword(String word, String usage) {
        this(word, usage, Map.of(), null, Declares.NOTHING, Trigger.NONE);
    }

    Keyword(String word, String usage, BlockKind opens) {
        this(word, usage, Map.of(), opens, Declares.NOTHING, Trigger.NONE);
    }

    Keyword(String word, String usage, Map<BlockKind, String> usageIn, BlockKind opens, Declares declares, Trigger trigger) {
        this.word = word;
        this.usage = usage;
        this.usageIn = usageIn;
        this.opens = opens;
        this.declares = declares;
        this.trigger = trigger;
    }

    /** The keyword spelled {@code word}, if it is one. */
    static Optional<Keyword> named(String word) {
        return Optional.ofNullable(word == null ? null : BY_WORD.get(word));
    }

    /** True if {@code word} spells this keyword. */
    boolean is(String word) {
        return this.word.equals(word);
    }

    /** The word a script writes. */
    String word() {
        return word;
    }

    /** How the keyword is written in {@code block}, for "expected ..." texts. */
    String usage(BlockKind block) {
        return usageIn.getOrDefault(block, usage);
    }

    /** The block its closure argument opens, or null if it takes no block. */
    BlockKind opens() {
        return opens;
    }

    Declares declares() {
        return declares;
    }

    Trigger trigger() {
        return trigger;
    }
}
