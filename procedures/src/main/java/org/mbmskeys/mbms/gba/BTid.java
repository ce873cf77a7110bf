package org.mbmskeys.mbms.gba;

import java.util.Base64;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * Bootstrapping Transaction Identifier: {@code B-TID = base64encode(RAND) "@" BSF_servers_domain_name}
 * (TS 33.220 §4.5.2; RFC 4648 base64 with padding, as in PyHSS {@code generate_btid}).
 *
 * <p>It names one bootstrapping (one Ks) towards NAFs: the UE sends it as HTTP Digest username and as
 * MIKEY IDr, the NAF (BM-SC) hands it to the BSF over Zn. RAND is always the 16-byte AKA RAND. Not
 * secret.
 *
 * <pre>{@code
 * BTid id = BTid.of(Bytes.ofHex("23553cbe9637a89d218ae64dae47bf35"), "bsf.example.org");
 * id.format();                                   // I1U8vpY3qJ0hiuZNrke/NQ==@bsf.example.org
 * BTid.parse(id.format()).equals(id);            // true
 * }</pre>
 */
public record BTid(Bytes rand, String bsfDomain) {

    /** AKA RAND length in bytes. */
    public static final int RAND_LENGTH = 16;

    /**
     * @throws IllegalArgumentException if RAND is not 16 bytes or the BSF domain is not a host name
     */
    public BTid {
        Objects.requireNonNull(rand, "rand");
        if (rand.length() != RAND_LENGTH) {
            throw new IllegalArgumentException("B-TID RAND is " + RAND_LENGTH + " bytes (AKA RAND), got " + rand.length());
        }
        Fqdn.require("BSF domain", bsfDomain);
    }

    public static BTid of(Bytes rand, String bsfDomain) {
        return new BTid(rand, bsfDomain);
    }

    /**
     * Reads a B-TID. Strict: the base64 part must be the canonical padded encoding of exactly 16 bytes, so
     * one bootstrapping has exactly one spelling.
     *
     * @throws MalformedBTidException naming the problem
     */
    public static BTid parse(String text) {
        if (text == null) {
            throw new MalformedBTidException("null", "no text");
        }
        int at = text.indexOf('@');
        if (at < 0) {
            throw new MalformedBTidException(text, "no '@' between RAND and BSF domain");
        }
        String encoded = text.substring(0, at);
        String domain = text.substring(at + 1);
        byte[] rand;
        try {
            rand = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new MalformedBTidException(text, "the part before '@' is not base64 (" + e.getMessage() + ")");
        }
        if (rand.length != RAND_LENGTH) {
            throw new MalformedBTidException(text, "the RAND part decodes to " + rand.length + " bytes, not " + RAND_LENGTH);
        }
        if (!Base64.getEncoder().encodeToString(rand).equals(encoded)) {
            throw new MalformedBTidException(text, "the RAND part is not canonical base64 (padding or trailing bits)");
        }
        String domainProblem = Fqdn.problem(domain);
        if (domainProblem != null) {
            throw new MalformedBTidException(text, "the BSF domain is not a host name: " + domainProblem);
        }
        return new BTid(Bytes.wrap(rand), domain);
    }

    /** The text form, {@code base64(RAND)@domain}. */
    public String format() {
        return Base64.getEncoder().encodeToString(rand.toByteArray()) + "@" + bsfDomain;
    }

    @Override
    public String toString() {
        return format();
    }
}
