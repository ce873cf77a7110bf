package org.mbmskeys.mbms.traffic;

import java.util.Objects;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * What an SRTP sender protects an MBMS streaming session with for one MTK (TS 33.246 §6.6.2.1): "The MTK is used as a
 * common master key for both SRTP and SRTCP, and the salt in the KEMAC payload is used as master salt" (§6.5.4), and
 * the packets carry the MKI that names it, MSK ID ‖ MTK ID. The UE is given the same MTK and salt by the MTK message,
 * and finds them by that MKI. Keys are copies the holder destroys ({@link #destroy()}); {@code toString} shows none.
 */
public record SrtpMasterKey(SrtpMki mki, SecretBytes masterKey, SecretBytes masterSalt) implements TrafficKeys {

    public SrtpMasterKey {
        Objects.requireNonNull(mki, "mki");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(masterSalt, "masterSalt");
    }

    @Override
    public void destroy() {
        masterKey.destroy();
        masterSalt.destroy();
    }

    @Override
    public String toString() {
        return "SrtpMasterKey[MKI " + mki + ", master key " + masterKey + ", master salt " + masterSalt + "]";
    }
}
