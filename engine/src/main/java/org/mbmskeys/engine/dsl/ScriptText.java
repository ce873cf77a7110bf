package org.mbmskeys.engine.dsl;

/**
 * One script's text and the name problems are reported under.
 *
 * @param replaces the file this script stands in for ({@link OverlayScripts}: an operator's script replacing
 *                 a shipped one of the same file name), or {@code null}. A reload that rejects the script
 *                 keeps what that file had loaded, as for any rejected edit.
 */
record ScriptText(String file, String text, String replaces) {

    ScriptText(String file, String text) {
        this(file, text, null);
    }
}
