package org.mbmskeys.mbms.gba.simulated;

import java.util.Objects;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.gba.BTid;

/**
 * The BSF's AKA challenge on Ub (TS 33.220 §4.5.2 step 3): RAND and AUTN = (SQN ⊕ AK) ‖ AMF ‖ MAC.
 * Public values; they travel in the clear.
 */
public record AuthenticationChallenge(Bytes rand, Bytes autn) {

    public AuthenticationChallenge {
        Objects.requireNonNull(rand, "rand");
        Objects.requireNonNull(autn, "autn");
        if (rand.length() != BTid.RAND_LENGTH || autn.length() != SimulatedUsim.AUTN_LENGTH) {
            throw new IllegalArgumentException("RAND and AUTN are 16 bytes each; got " + rand.length()
                    + " and " + autn.length());
        }
    }
}
