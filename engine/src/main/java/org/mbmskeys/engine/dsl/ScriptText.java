package org.mbmskeys.engine.dsl;

/** One script's text and the name problems are reported under. */
record ScriptText(String file, String text) {
}
