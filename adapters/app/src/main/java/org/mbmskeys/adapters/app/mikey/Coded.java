package org.mbmskeys.adapters.app.mikey;

/**
 * A code point as the inspect report shows it: the name this implementation gives it (or {@code UNKNOWN})
 * and the number on the wire. Text: {@code PSK_INIT (0)}; JSON: {@code {"name":"PSK_INIT","code":0}}.
 */
record Coded(String name, int code) {

    static Coded of(Enum<?> known, int code) {
        return new Coded(known.name(), code);
    }

    /**
     * For the codec's open code spaces ({@code CsIdMapType}, {@code ExtensionType}, ...), whose
     * {@code toString} is documented as {@code NAME(code)} or {@code UNKNOWN(code)}.
     */
    static Coded open(Object value, int code) {
        String text = value.toString();
        int paren = text.indexOf('(');
        return new Coded(paren > 0 ? text.substring(0, paren) : text, code);
    }

    @Override
    public String toString() {
        return name + " (" + code + ")";
    }
}
