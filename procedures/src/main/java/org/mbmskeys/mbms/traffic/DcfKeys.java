package org.mbmskeys.mbms.traffic;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.crypto.MikeyPrf;
import org.mbmskeys.mbms.mikey.crypto.PrfInput;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The keys that protect one file of an MBMS download session with OMA DRM V2.0 DCF (TS 33.246 §6.6.3.2), derived
 * from its MTK as §6.5.4 says: "key derivation as defined in section 4.1.3 of RFC 3830 shall be used to derive
 * authentication and encryption keys from MTK ... cs_id shall be set to 0x00000000 ... The derived authentication and
 * encryption keys shall be provided to the download protection protocol." The BM-SC protects the file with them, the
 * UE decrypts and checks it with the same; {@link #keyId()} is what the file's {@code obki} box names.
 *
 * <ul>
 *   <li>{@code encryptionKey}: {@code PRF(MTK, 0x15798CEF ‖ cs_id ‖ CSB ID ‖ RAND)}, {@value #ENCRYPTION_KEY_LENGTH}
 *       bytes, for the DCF's AES-128 (OMA DRM V2.0 DCF encrypts with AES-128 in CBC or CTR mode);</li>
 *   <li>{@code authenticationKey}: the same with 0x1B5C7973, {@value #AUTHENTICATION_KEY_LENGTH} bytes, for the
 *       HMAC-SHA1 of the {@code odfs} OMADRMSignature box (§6.6.3.2), as long as RFC 3830's own HMAC-SHA-1
 *       authentication keys (160 bits).</li>
 * </ul>
 *
 * <p>The MTK is the TGK of the download MTK message (Key data type 0, §6.4.5.3). The CSB ID is that message's (each
 * MTK message has its own; §6.4.2 NOTE: "Assigning random values to CSB ID enhances security as CSB ID is taken into
 * account for MIKEY key derivations (section 4.1.3 and 4.1.4 of RFC 3830)"); the RAND is the MIKEY-RAND of the MSK the
 * MTK came under, the one that message's own keys were derived from (§6.5.4: MTK messages carry none). Keys are
 * copies the holder destroys ({@link #destroy()}); {@code toString} shows none.
 *
 * <pre>{@code
 * DcfKeys keys = DcfKeys.derive(keyId, mtk, csbId, mskRand, CryptoSuite.jca());
 * try { dcf.decrypt(file, keys.encryptionKey(), keys.authenticationKey()); } finally { keys.destroy(); }
 * }</pre>
 */
@Unconfirmed("U7: download keys = RFC 3830 §4.1.3 PRF(MTK, constant ‖ cs_id 0 (1 byte) ‖ CSB ID of the MTK message "
        + "‖ MIKEY-RAND of its MSK), 16-byte encryption and 20-byte authentication key; §6.5.4 writes cs_id as "
        + "0x00000000 and names neither the CSB ID nor the RAND, and no test vector was found")
public record DcfKeys(DcfKeyId keyId, SecretBytes encryptionKey, SecretBytes authenticationKey) implements TrafficKeys {

    /** Bytes of the encryption key: AES-128, the DCF's cipher (OMA DRM V2.0 DCF). */
    public static final int ENCRYPTION_KEY_LENGTH = 16;
    /** Bytes of the authentication key: HMAC-SHA1, the {@code odfs} signature method 0x01 (§6.6.3.2). */
    public static final int AUTHENTICATION_KEY_LENGTH = 20;
    /** The cs_id of the RFC 3830 §4.1.3 label: "cs_id shall be set to 0x00000000" (§6.5.4), one byte there. */
    public static final int CS_ID = 0;

    public DcfKeys {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(encryptionKey, "encryptionKey");
        Objects.requireNonNull(authenticationKey, "authenticationKey");
    }

    /**
     * Derives the keys of the file that {@code keyId} names from its MTK.
     *
     * @param mtk   the TGK of the download MTK message; not kept (the caller still destroys it)
     * @param csbId the CSB ID of that MTK message
     * @param rand  the MIKEY-RAND of the MSK it came under
     */
    public static DcfKeys derive(DcfKeyId keyId, SecretBytes mtk, CsbId csbId, Bytes rand, CryptoSuite suite) {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(mtk, "mtk");
        Objects.requireNonNull(csbId, "csbId");
        Objects.requireNonNull(rand, "rand");
        MikeyPrf prf = MikeyPrf.mikey1(Objects.requireNonNull(suite, "suite"));
        SecretBytes encryption = prf.derive(PrfInput.encryptionKeyFromTgk(mtk, CS_ID, csbId.value(), rand,
                ENCRYPTION_KEY_LENGTH));
        SecretBytes authentication = prf.derive(PrfInput.authenticationKeyFromTgk(mtk, CS_ID, csbId.value(), rand,
                AUTHENTICATION_KEY_LENGTH));
        return new DcfKeys(keyId, encryption, authentication);
    }

    @Override
    public void destroy() {
        encryptionKey.destroy();
        authenticationKey.destroy();
    }

    @Override
    public String toString() {
        return "DcfKeys[KeyID " + keyId + ", encryption key " + encryptionKey + ", authentication key "
                + authenticationKey + "]";
    }
}
