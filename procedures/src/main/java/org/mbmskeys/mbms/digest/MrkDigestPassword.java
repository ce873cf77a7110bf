package org.mbmskeys.mbms.digest;

import java.util.Base64;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The HTTP Digest password the UE and the BM-SC use on the MBMS Key Request interface: base64 (RFC 4648
 * §4, with padding) of the MRK bytes, as ASCII octets (PROFILE.md §4.3). The MRK role is confirmed
 * (TS 33.246 via seeds 003/004); the base64 encoding is by analogy with generic GBA Ua Digest, where the
 * password is base64(Ks_(ext)_NAF), and is not confirmed for MBMS.
 *
 * <pre>{@code
 * SecretBytes password = MrkDigestPassword.derive(mrk);   // e.g. 44 ASCII bytes for a 256-bit MRK
 * }</pre>
 */
@Unconfirmed("Digest password = base64(MRK); PROFILE.md §4.3")
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
            throw new IllegalArgumentException("MRK must not be empty; it is derived by GBA (Ks_ext_NAF or the GBA_ME MRK)");
        }
        return SecretBytes.wrap(Base64.getEncoder().encode(mrk.unsafeArray()));
    }
}
