package org.mbmskeys.mbms.digest;

import java.util.Base64;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The HTTP Digest password the UE and the BM-SC use on the MBMS key management interface: base64 (RFC 4648
 * §4, with padding) of the MRK bytes, as ASCII octets. TS 33.246 §6.2.1.3: "MRK (MBMS Request Key) is used
 * as password"; Annex H step 4 (informative) says how it is written: the UE uses "the MRK (base64
 * encoded) as the password".
 *
 * <pre>{@code
 * SecretBytes password = MrkDigestPassword.derive(mrk);   // e.g. 44 ASCII bytes for a 256-bit MRK
 * }</pre>
 */
public final class MrkDigestPassword {

    private MrkDigestPassword() {
    }

    /**
     * The Digest password for this MRK. The MRK is read, not destroyed.
     *
     * @throws IllegalArgumentException if the MRK is empty
     */
    public static SecretBytes derive(SecretBytes mrk) {
        if (mrk.isEmpty()) {
            throw new IllegalArgumentException(
                    "MRK must not be empty; it comes from GBA (Ks_ext_NAF, or KDF(Ks_(ext)_NAF, \"mbms-mrk\"))");
        }
        return SecretBytes.wrap(Base64.getEncoder().encode(mrk.unsafeArray()));
    }
}
