package org.mbmskeys.adapters.app.config;

import java.time.Instant;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.Impi;

/**
 * A GBA bootstrapping made elsewhere, as a lab writes it into both configurations: the subscriber's IMPI,
 * the RAND of the AKA run, CK and IK (so Ks = CK ‖ IK), the BSF's domain (B-TID = base64(RAND)@domain) and
 * the end of the key lifetime. Either CK and IK are given, or, on the BM-SC side only, Ks_NAF for its NAF_Id.
 */
public record GbaKeys(String impi, Bytes rand, String bsfDomain, Instant expiresAt, Optional<SecretBytes> ck,
                      Optional<SecretBytes> ik, Optional<SecretBytes> ksNaf) {

    /** The B-TID the BSF gave this bootstrapping. */
    public BTid bTid() {
        return BTid.of(rand, bsfDomain);
    }

    /** The whole bootstrapping; only when CK and IK are known. A new object each time (its Ks may be destroyed). */
    public BootstrappingContext context() {
        return BootstrappingContext.fromAka(ck.orElseThrow().copy(),
                ik.orElseThrow().copy(), rand, impi, bTid(), expiresAt);
    }

    @Override
    public String toString() {
        return "GbaKeys[" + impi + ", B-TID " + bTid() + ", until " + expiresAt + "]";
    }

    /**
     * Reads one mapping: {@code impi}, {@code rand}, {@code bsf} (default bsf.example.org), {@code expires}
     * (default a year from {@code now}) and either {@code ck} + {@code ik} or, if {@code nafKeyAllowed},
     * {@code ksNaf}.
     */
    static GbaKeys read(ConfigNode n, Instant now, boolean nafKeyAllowed) {
        if (nafKeyAllowed) {
            n.allowOnly("impi", "rand", "bsf", "expires", "ck", "ik", "ksNaf");
        } else {
            n.allowOnly("impi", "rand", "bsf", "expires", "ck", "ik");
        }
        String impi = n.string("impi");
        try {
            Impi.require(impi);
        } catch (IllegalArgumentException e) {
            throw n.problem("impi", e.getMessage());
        }
        Bytes rand = n.hex("rand", 16);
        String bsf = n.string("bsf", "bsf.example.org");
        Instant expires = n.instant("expires").orElse(now.plus(java.time.Duration.ofDays(365)));
        boolean aka = n.has("ck") || n.has("ik");
        if (aka) {
            return new GbaKeys(impi, rand, bsf, expires, Optional.of(n.secretHex("ck", 16)), Optional.of(n.secretHex("ik", 16)),
                    Optional.empty());
        }
        if (nafKeyAllowed && n.has("ksNaf")) {
            return new GbaKeys(impi, rand, bsf, expires, Optional.empty(), Optional.empty(), Optional.of(n.secretHex("ksNaf", 32)));
        }
        throw n.problem("ck", nafKeyAllowed ? "give ck and ik (16 bytes each, hex), or ksNaf (32 bytes, hex)"
                : "give ck and ik (16 bytes each, hex)");
    }
}
