package org.mbmskeys.mbms.gba;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The NAF-specific keys of one bootstrapping for one NAF (TS 33.220 §4.5.3, §5.3.2–§5.3.3), with what
 * the NAF needs around them: the B-TID, the IMPI and the key lifetime. This is what the BSF hands the
 * BM-SC over Zn ({@link Bootstrapping}) and what the UE computes itself ({@link org.mbmskeys.mbms.gba.simulated.GbaClient}).
 *
 * <ul>
 *   <li>{@link GbaMode#GBA_ME}: {@code ksExtNaf} is Ks_NAF; there is no Ks_int_NAF.</li>
 *   <li>{@link GbaMode#GBA_U}: {@code ksExtNaf} is Ks_ext_NAF and {@link #ksIntNaf()} is present.</li>
 * </ul>
 *
 * <p>{@link #mukMrk(MbmsKeyManagement)} applies the {@link MukMrkDerivation} of a key management, so both
 * sides call the same code.
 * {@code toString} never shows key material.
 */
public final class NafKeyMaterial {

    private final GbaMode mode;
    private final NafId nafId;
    private final BTid bTid;
    private final String impi;
    private final Instant expiresAt;
    private final SecretBytes ksExtNaf;
    private final SecretBytes ksIntNaf;

    private NafKeyMaterial(GbaMode mode, NafId nafId, BTid bTid, String impi, Instant expiresAt,
                           SecretBytes ksExtNaf, SecretBytes ksIntNaf) {
        this.mode = Objects.requireNonNull(mode, "mode");
        this.nafId = Objects.requireNonNull(nafId, "nafId");
        this.bTid = Objects.requireNonNull(bTid, "bTid");
        this.impi = Impi.require(impi);
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.ksExtNaf = requireKey("Ks_(ext)_NAF", ksExtNaf);
        this.ksIntNaf = ksIntNaf == null ? null : requireKey("Ks_int_NAF", ksIntNaf);
    }

    /** GBA_ME key material: Ks_NAF only. */
    public static NafKeyMaterial gbaMe(NafId nafId, BTid bTid, String impi, Instant expiresAt, SecretBytes ksNaf) {
        return new NafKeyMaterial(GbaMode.GBA_ME, nafId, bTid, impi, expiresAt, ksNaf, null);
    }

    /** GBA_U key material: Ks_ext_NAF and Ks_int_NAF. */
    public static NafKeyMaterial gbaU(NafId nafId, BTid bTid, String impi, Instant expiresAt,
                                      SecretBytes ksExtNaf, SecretBytes ksIntNaf) {
        return new NafKeyMaterial(GbaMode.GBA_U, nafId, bTid, impi, expiresAt, ksExtNaf,
                Objects.requireNonNull(ksIntNaf, "GBA_U key material needs Ks_int_NAF"));
    }

    private static SecretBytes requireKey(String name, SecretBytes key) {
        Objects.requireNonNull(key, name);
        if (key.length() != Kdf.OUTPUT_LENGTH) {
            throw new IllegalArgumentException(name + " is " + Kdf.OUTPUT_LENGTH + " bytes (KDF output); got " + key.length());
        }
        return key;
    }

    public GbaMode mode() {
        return mode;
    }

    public NafId nafId() {
        return nafId;
    }

    public BTid bTid() {
        return bTid;
    }

    public String impi() {
        return impi;
    }

    /** End of the key lifetime: the keys are valid strictly before this instant. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Ks_NAF (GBA_ME) or Ks_ext_NAF (GBA_U). */
    public SecretBytes ksExtNaf() {
        return ksExtNaf;
    }

    /** Ks_int_NAF; present exactly in GBA_U. */
    public Optional<SecretBytes> ksIntNaf() {
        return Optional.ofNullable(ksIntNaf);
    }

    /**
     * MUK and MRK for the {@link GbaMode#defaultKeyManagement() default key management} of this GBA run:
     * UICC after GBA_U, ME after GBA_ME. A GBA_U UE whose UICC cannot do MBMS key management needs
     * {@code mukMrk(MbmsKeyManagement.ME)}.
     */
    public MukMrk mukMrk() {
        return mukMrk(mode.defaultKeyManagement());
    }

    /**
     * MUK and MRK for {@code keyManagement} (TS 33.246 §6.1, Annex F; table in {@link MbmsKeyManagement}).
     *
     * @throws IllegalArgumentException for {@link MbmsKeyManagement#UICC} with GBA_ME keys (no Ks_int_NAF)
     */
    public MukMrk mukMrk(MbmsKeyManagement keyManagement) {
        return keyManagement.derivation().derive(this);
    }

    /** Zeroes the keys. */
    public void destroy() {
        ksExtNaf.destroy();
        if (ksIntNaf != null) {
            ksIntNaf.destroy();
        }
    }

    @Override
    public String toString() {
        return "NafKeyMaterial[" + mode + ", NAF " + nafId + ", B-TID " + bTid + ", IMPI " + impi
                + ", expires " + expiresAt + ", Ks_ext_NAF " + ksExtNaf
                + (ksIntNaf == null ? "" : ", Ks_int_NAF " + ksIntNaf) + "]";
    }
}
