package org.mbmskeys.mbms.gba;

import java.time.Instant;
import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The two MBMS keys a BM-SC and a UE share after GBA (TS 33.246 §6.1):
 * <ul>
 *   <li>MUK, the MBMS User Key: protects MSK delivery (MIKEY pre-shared key);</li>
 *   <li>MRK, the MBMS Request Key: authenticates the UE to the BM-SC (HTTP Digest password base64(MRK)).</li>
 * </ul>
 * Both come from one {@link NafKeyMaterial} through the {@link MukMrkDerivation} of a
 * {@link MbmsKeyManagement}; they carry the GBA run, the key management, the NAF, the B-TID (the UE
 * identifies MUK and MRK by B-TID and NAF-ID, §6.1) and the key lifetime.
 * {@code toString} never shows key material.
 */
public final class MukMrk {

    private final GbaMode mode;
    private final MbmsKeyManagement keyManagement;
    private final NafId nafId;
    private final BTid bTid;
    private final Instant expiresAt;
    private final SecretBytes muk;
    private final SecretBytes mrk;

    /**
     * @throws IllegalArgumentException if either key is empty, or UICC-based key management is claimed for a
     *                                  run other than GBA_U (only GBA_U gives the UICC a key, §6.1)
     */
    public MukMrk(GbaMode mode, MbmsKeyManagement keyManagement, NafId nafId, BTid bTid, Instant expiresAt,
                  SecretBytes muk, SecretBytes mrk) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.keyManagement = Objects.requireNonNull(keyManagement, "keyManagement");
        this.nafId = Objects.requireNonNull(nafId, "nafId");
        this.bTid = Objects.requireNonNull(bTid, "bTid");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.muk = Objects.requireNonNull(muk, "muk");
        this.mrk = Objects.requireNonNull(mrk, "mrk");
        if (muk.isEmpty() || mrk.isEmpty()) {
            throw new IllegalArgumentException("MUK and MRK must not be empty");
        }
        if (keyManagement == MbmsKeyManagement.UICC && mode != GbaMode.GBA_U) {
            throw new IllegalArgumentException("UICC-based MBMS key management needs a GBA_U run (TS 33.246 §6.1); got "
                    + mode);
        }
    }

    /** The GBA run the keys come from. */
    public GbaMode mode() {
        return mode;
    }

    /** Whether the UICC or the ME holds MUK and MSKs; it decided what MUK and MRK are (§6.1). */
    public MbmsKeyManagement keyManagement() {
        return keyManagement;
    }

    public NafId nafId() {
        return nafId;
    }

    public BTid bTid() {
        return bTid;
    }

    /** End of the Ks_NAF lifetime the keys were derived under. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public SecretBytes muk() {
        return muk;
    }

    public SecretBytes mrk() {
        return mrk;
    }

    /** Zeroes both keys. */
    public void destroy() {
        muk.destroy();
        mrk.destroy();
    }

    @Override
    public String toString() {
        return "MukMrk[" + mode + ", " + keyManagement + " key management, NAF " + nafId + ", B-TID " + bTid
                + ", expires " + expiresAt + ", MUK " + muk + ", MRK " + mrk + "]";
    }
}
