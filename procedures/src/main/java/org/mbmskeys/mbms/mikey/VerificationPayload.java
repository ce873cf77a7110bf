package org.mbmskeys.mbms.mikey;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;

/**
 * V payload (RFC 3830 §6.9): Auth alg (1) | Verification data (0 or 20). Ends the MSK verification
 * message (the MIKEY ACK); its MAC is checked over {@link DecodedMikey#macInput()}.
 */
public record VerificationPayload(MacAlgorithm macAlgorithm, Bytes verificationData) implements MikeyPayload {

    /**
     * @throws IllegalArgumentException if the data length does not match the algorithm
     */
    public VerificationPayload {
        Objects.requireNonNull(macAlgorithm, "macAlgorithm");
        Objects.requireNonNull(verificationData, "verificationData");
        if (verificationData.length() != macAlgorithm.macLength()) {
            throw new IllegalArgumentException(macAlgorithm + " needs " + macAlgorithm.macLength()
                    + " bytes of verification data, got " + verificationData.length());
        }
    }

    @Override
    public PayloadType type() {
        return PayloadType.V;
    }
}
