package org.mbmskeys.engine.dsl;

import java.util.List;

/**
 * The kinds of block a script has, each with the class whose public methods are its keywords and the
 * words a message uses to say where something was written.
 */
enum BlockKind {
    TOP("at the top level of the script", List.of(ProcedureScript.class)),
    PROCEDURE("in the procedure block", List.of(ProcedureSpec.class)),
    STATE("in a state block", List.of(StateSpec.class)),
    ON("in an on(...) block", List.of(TransitionSpec.class)),
    AFTER("in an after(...) block", List.of(TransitionSpec.class, TimerSpec.class)),
    ACTION("in an action block", List.of(ActionScope.class));

    private final String where;
    private final List<Class<?>> keywordClasses;

    BlockKind(String where, List<Class<?>> keywordClasses) {
        this.where = where;
        this.keywordClasses = keywordClasses;
    }

    /** "in a state block", for messages. */
    String where() {
        return where;
    }

    List<Class<?>> keywordClasses() {
        return keywordClasses;
    }

    /** The block that the closure argument of keyword {@code name} opens, or null if it opens none. */
    static BlockKind openedBy(String name) {
        return Keyword.named(name).map(Keyword::opens).orElse(null);
    }
}
