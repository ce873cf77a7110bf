package org.mbmskeys.mbms.gba;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * The input string S of the TS 33.220 Annex B.2 key derivation function:
 * {@code S = FC ‖ P0 ‖ L0 ‖ P1 ‖ L1 ‖ … ‖ Pn ‖ Ln}, where FC is one octet and each {@code Li} is the
 * length of {@code Pi} in octets as a 2-byte big-endian number.
 *
 * <p>Immutable, with content equality. The parameters are public values (labels, RAND, IMPI, NAF_Id), so
 * {@code toString} shows them. Uses inside this package have named factories ({@code NafKeys},
 * {@code MukMrkDerivation}); {@link #of} is the general form.
 *
 * <pre>{@code
 * KdfInput s = KdfInput.of(0x01, KdfInput.utf8("gba-me"), rand, KdfInput.utf8(impi), nafId.toBytes());
 * SecretBytes ksNaf = Kdf.derive(ks, s);
 * }</pre>
 */
public final class KdfInput {

    /** Largest parameter a 2-byte length field can describe. */
    public static final int MAX_PARAMETER_LENGTH = 0xFFFF;

    private final int fc;
    private final List<Bytes> parameters;

    private KdfInput(int fc, List<Bytes> parameters) {
        this.fc = fc;
        this.parameters = parameters;
    }

    /**
     * S for function code {@code fc} and parameters {@code P0..Pn}, in order.
     *
     * @throws IllegalArgumentException if {@code fc} is not one octet (0..255), no parameter is given, or a
     *                                  parameter is longer than 65535 bytes
     */
    public static KdfInput of(int fc, Bytes... parameters) {
        return of(fc, List.of(parameters));
    }

    /** As {@link #of(int, Bytes...)}. */
    public static KdfInput of(int fc, List<Bytes> parameters) {
        if ((fc & ~0xFF) != 0) {
            throw new IllegalArgumentException("KDF FC is one octet (0..255), got " + fc);
        }
        if (parameters.isEmpty()) {
            throw new IllegalArgumentException("KDF input needs at least P0 (TS 33.220 B.2); got no parameters");
        }
        List<Bytes> copy = new ArrayList<>(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            Bytes p = Objects.requireNonNull(parameters.get(i), () -> "KDF parameter P" + copy.size() + " is null");
            if (p.length() > MAX_PARAMETER_LENGTH) {
                throw new IllegalArgumentException("KDF parameter P" + i + " is " + p.length()
                        + " bytes; its 2-byte length field allows at most " + MAX_PARAMETER_LENGTH);
            }
            copy.add(p);
        }
        return new KdfInput(fc, List.copyOf(copy));
    }

    /** The UTF-8 octets of {@code text}: how TS 33.220 encodes character-string parameters. */
    public static Bytes utf8(String text) {
        return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    public int fc() {
        return fc;
    }

    /** P0..Pn in order. */
    public List<Bytes> parameters() {
        return parameters;
    }

    /** The octets of S, as fed to HMAC-SHA-256. */
    public Bytes encode() {
        int size = 1;
        for (Bytes p : parameters) {
            size += p.length() + 2;
        }
        byte[] s = new byte[size];
        s[0] = (byte) fc;
        int at = 1;
        for (Bytes p : parameters) {
            p.copyTo(s, at);
            at += p.length();
            s[at++] = (byte) (p.length() >>> 8);
            s[at++] = (byte) p.length();
        }
        return Bytes.wrap(s);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KdfInput other && fc == other.fc && parameters.equals(other.parameters);
    }

    @Override
    public int hashCode() {
        return 31 * fc + parameters.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("KdfInput[FC=").append(String.format("%02x", fc));
        for (int i = 0; i < parameters.size(); i++) {
            out.append(", P").append(i).append('=').append(parameters.get(i));
        }
        return out.append(']').toString();
    }
}
