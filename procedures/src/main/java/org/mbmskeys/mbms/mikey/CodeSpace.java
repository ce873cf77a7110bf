package org.mbmskeys.mbms.mikey;

import java.util.Optional;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * A one-byte code space, built once per type in a static initialiser. Building fails if two members share
 * a code or a code does not fit a byte (ice4j's two error codes of value 3 are what this
 * prevents), so a bad table stops the class from loading instead of decoding wrongly.
 *
 * <p>For a closed space the members are all there is; for an open space they are the named codes.
 */
final class CodeSpace<T> {

    private final String name;
    private final Object[] byCode;
    private final String[] labels;
    private final String allowed;

    private CodeSpace(String name, Object[] byCode, String[] labels) {
        this.name = name;
        this.byCode = byCode;
        this.labels = labels;
        StringJoiner j = new StringJoiner(", ");
        for (int c = 0; c < labels.length; c++) {
            if (labels[c] != null) {
                j.add(c + " (" + labels[c] + ")");
            }
        }
        this.allowed = j.toString();
    }

    static <T> CodeSpace<T> of(String name, T[] members, ToIntFunction<T> code, Function<T, String> label) {
        Object[] byCode = new Object[256];
        String[] labels = new String[256];
        for (T member : members) {
            int c = code.applyAsInt(member);
            if ((c & ~0xFF) != 0) {
                throw new IllegalStateException(name + " code " + c + " of " + label.apply(member)
                        + " does not fit one byte");
            }
            if (byCode[c] != null) {
                throw new IllegalStateException(name + " code " + c + " is used twice: by " + labels[c]
                        + " and by " + label.apply(member));
            }
            byCode[c] = member;
            labels[c] = label.apply(member);
        }
        return new CodeSpace<>(name, byCode, labels);
    }

    @SuppressWarnings("unchecked")
    Optional<T> byCode(int code) {
        return (code & ~0xFF) == 0 ? Optional.ofNullable((T) byCode[code]) : Optional.empty();
    }

    Optional<String> label(int code) {
        return (code & ~0xFF) == 0 ? Optional.ofNullable(labels[code]) : Optional.empty();
    }

    /**
     * For the compact constructor of an open space's value record: the code fits the one-byte field.
     *
     * @throws IllegalArgumentException if it does not
     */
    void requireOneByte(int code) {
        if ((code & ~0xFF) != 0) {
            throw new IllegalArgumentException(name + " is one byte (0..255), got " + code);
        }
    }

    /** Whether the space names {@code code}. */
    boolean names(int code) {
        return label(code).isPresent();
    }

    /** The name of {@code code}, or {@code UNKNOWN} for a code of an open space that has none. */
    String nameOf(int code) {
        return label(code).orElse("UNKNOWN");
    }

    /** How an open space's value prints: {@code NAI(0)}, {@code UNKNOWN(7)}. */
    String describe(int code) {
        return nameOf(code) + "(" + code + ")";
    }

    /** For error messages: {@code 0 (NULL), 1 (AES_CM_128)}. */
    String allowed() {
        return allowed;
    }

    /** The problem text for a code a closed space does not hold. */
    String unknown(int code) {
        return "unknown " + name + " " + code + "; allowed: " + allowed;
    }
}
