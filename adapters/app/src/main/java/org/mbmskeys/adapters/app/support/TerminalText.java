package org.mbmskeys.adapters.app.support;

/**
 * Makes text from a received message safe to print: identities and rejection details may carry bytes a
 * sender chose, and control characters (ESC sequences, carriage returns) would act on the user's terminal
 * or forge extra output lines. Each one becomes a visible {@code \\uXXXX} escape.
 */
public final class TerminalText {

    private TerminalText() {
    }

    public static String safe(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                if (sb == null) {
                    sb = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? text : sb.toString();
    }
}
