package org.mbmskeys.mbms.gba.simulated;

import java.security.MessageDigest;
import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.Impi;

/**
 * A USIM for tests and the demo: holds K, OPc and the highest accepted SQN, and answers AKA challenges
 * with MILENAGE as TS 33.102 §6.3.3 describes. Its {@link GbaMode} says whether it stands for a GBA-aware
 * UICC (GBA_U) or not (GBA_ME).
 *
 * <p>Freshness is simplified: SQN must be greater than the highest one accepted (no SEQ/IND array, no
 * age limit). Thread-safe.
 *
 * <pre>{@code
 * SimulatedUsim usim = new SimulatedUsim(impi, k, opc, Sqn.of(0), GbaMode.GBA_ME);
 * AkaResult answer = usim.authenticate(challenge.rand(), challenge.autn());
 * }</pre>
 */
public final class SimulatedUsim {

    /** AUTN length: SQN ⊕ AK (6) ‖ AMF (2) ‖ MAC (8). */
    public static final int AUTN_LENGTH = 16;

    /** The dummy AMF used for MAC-S in re-synchronisation (TS 33.102 §6.3.3: all zeros). */
    static final Bytes RESYNC_AMF = Bytes.ofHex("0000");

    private final String impi;
    private final Milenage milenage;
    private final GbaMode mode;
    private Sqn highestAccepted;

    /**
     * @throws IllegalArgumentException if K or OPc is not 16 bytes or the IMPI is empty
     */
    public SimulatedUsim(String impi, SecretBytes k, SecretBytes opc, Sqn highestAccepted, GbaMode mode) {
        this.impi = Impi.require(impi);
        this.milenage = Milenage.withOpc(k, opc);
        this.highestAccepted = Objects.requireNonNull(highestAccepted, "highestAccepted");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    public String impi() {
        return impi;
    }

    public GbaMode gbaMode() {
        return mode;
    }

    public synchronized Sqn highestAcceptedSqn() {
        return highestAccepted;
    }

    /**
     * Runs AKA on the USIM side: recovers SQN with AK, checks the MAC, then freshness.
     *
     * @throws IllegalArgumentException if RAND is not 16 bytes or AUTN not 16 bytes
     */
    public synchronized AkaResult authenticate(Bytes rand, Bytes autn) {
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(autn, "autn");
        if (rand.length() != BTid.RAND_LENGTH) {
            throw new IllegalArgumentException("AKA RAND is " + BTid.RAND_LENGTH + " bytes, got " + rand.length());
        }
        if (autn.length() != AUTN_LENGTH) {
            throw new IllegalArgumentException("AUTN is " + AUTN_LENGTH
                    + " bytes (SQN⊕AK 6 ‖ AMF 2 ‖ MAC 8), got " + autn.length());
        }
        SecretBytes ak = milenage.f5(rand);
        Sqn sqn = Sqn.fromBytes(xor(autn.slice(0, Sqn.LENGTH), ak));
        ak.destroy();
        Bytes amf = autn.slice(6, 2);
        Bytes xmac = milenage.f1(rand, sqn.toBytes(), amf);
        if (!MessageDigest.isEqual(xmac.toByteArray(), autn.slice(8, 8).toByteArray())) {
            return new AkaResult.MacFailure();
        }
        if (!sqn.isAfter(highestAccepted)) {
            return new AkaResult.SyncFailure(auts(rand));
        }
        highestAccepted = sqn;
        return new AkaResult.Success(milenage.f2(rand), milenage.f3(rand), milenage.f4(rand));
    }

    // AUTS = (SQN_MS ⊕ AK*) ‖ MAC-S, MAC-S = f1*(SQN_MS, RAND, AMF 0000) (TS 33.102 §6.3.3, §6.3.5).
    private Bytes auts(Bytes rand) {
        SecretBytes akStar = milenage.f5Star(rand);
        Bytes concealed = xor(highestAccepted.toBytes(), akStar);
        akStar.destroy();
        return concealed.concat(milenage.f1Star(rand, highestAccepted.toBytes(), RESYNC_AMF));
    }

    static Bytes xor(Bytes value, SecretBytes mask) {
        byte[] out = value.toByteArray();
        byte[] m = mask.unsafeArray();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= m[i];
        }
        return Bytes.wrap(out);
    }

    @Override
    public String toString() {
        return "SimulatedUsim[" + impi + ", " + mode + "]";
    }
}
