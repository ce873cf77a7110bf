package org.mbmskeys.engine.diagram;

/** Indented lines ending in a newline; what every writer builds its text with. */
final class Lines {

    private static final String INDENT = "    ";

    private final StringBuilder text = new StringBuilder();
    private int depth;

    Lines line(String line) {
        text.append(INDENT.repeat(depth)).append(line).append('\n');
        return this;
    }

    Lines indent() {
        depth++;
        return this;
    }

    Lines outdent() {
        if (depth == 0) {
            throw new IllegalStateException("outdent() without a matching indent()");
        }
        depth--;
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
