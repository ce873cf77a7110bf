package org.mbmskeys.mbms.gba;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * What one GBA bootstrapping run leaves on both sides of Ub (TS 33.220 §4.5.2): Ks = CK ‖ IK, the RAND
 * of the AKA run, the subscriber's IMPI, the B-TID the BSF assigned and the key lifetime (Ks and every
 * Ks_NAF derived from it are valid strictly before {@code expiresAt}).
 *
 * <p>The UE ({@link org.mbmskeys.mbms.gba.simulated.GbaClient}) and the BSF ({@link org.mbmskeys.mbms.gba.simulated.SimulatedBsf}) each hold one and derive NAF keys
 * from it with {@link NafKeys}. {@code toString} never shows Ks.
 *
 * <pre>{@code
 * BootstrappingContext ctx = BootstrappingContext.fromAka(ck, ik, rand, impi, bTid, expiresAt);
 * NafKeyMaterial keys = NafKeys.derive(ctx, NafId.forMbms("bmsc.example.org"), GbaMode.GBA_ME);
 * }</pre>
 */
public record BootstrappingContext(SecretBytes ks, Bytes rand, String impi, BTid bTid, Instant expiresAt) {

    /** Ks length in bytes (CK ‖ IK, 256 bits). */
    public static final int KS_LENGTH = 32;

    /**
     * @throws IllegalArgumentException if Ks is not 32 bytes, RAND not 16 bytes, the IMPI is empty or
     *                                  not representable as a KDF parameter, or the B-TID was not built
     *                                  from this RAND
     */
    public BootstrappingContext {
        Objects.requireNonNull(ks, "ks");
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (ks.length() != KS_LENGTH) {
            throw new IllegalArgumentException("Ks is CK ‖ IK, " + KS_LENGTH + " bytes; got " + ks.length());
        }
        if (rand.length() != BTid.RAND_LENGTH) {
            throw new IllegalArgumentException("RAND is " + BTid.RAND_LENGTH + " bytes; got " + rand.length());
        }
        Impi.require(impi);
        if (!bTid.rand().equals(rand)) {
            throw new IllegalArgumentException("B-TID " + bTid + " was not made from this bootstrapping's RAND "
                    + rand + "; TS 33.220 defines B-TID = base64(RAND)@BSF domain");
        }
    }

    /** Ks = CK ‖ IK (TS 33.220 §4.5.2 step 6): the one place both sides concatenate them. */
    public static BootstrappingContext fromAka(SecretBytes ck, SecretBytes ik, Bytes rand, String impi, BTid bTid,
                                               Instant expiresAt) {
        if (ck.length() != 16 || ik.length() != 16) {
            throw new IllegalArgumentException("CK and IK are 16 bytes each; got " + ck.length() + " and " + ik.length());
        }
        byte[] ks = new byte[KS_LENGTH];
        System.arraycopy(ck.unsafeArray(), 0, ks, 0, 16);
        System.arraycopy(ik.unsafeArray(), 0, ks, 16, 16);
        return new BootstrappingContext(SecretBytes.wrap(ks), rand, impi, bTid, expiresAt);
    }

    /** Whether the key lifetime is over at {@code now} (valid strictly before {@code expiresAt}). */
    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "BootstrappingContext[B-TID " + bTid + ", IMPI " + impi + ", Ks " + ks + ", expires " + expiresAt + "]";
    }
}
