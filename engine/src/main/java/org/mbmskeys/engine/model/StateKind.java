package org.mbmskeys.engine.model;

/** Ordinary, final (the procedure ends there) or the procedure's error state (a final state too). */
public enum StateKind {
    NORMAL, FINAL, ERROR;

    public boolean isTerminal() {
        return this != NORMAL;
    }
}
