package org.mbmskeys.mbms.ue.gba;

import org.mbmskeys.mbms.gba.BootstrappingContext;
import org.mbmskeys.mbms.gba.simulated.BootstrappingException;
import org.mbmskeys.mbms.gba.simulated.GbaClient;
import org.mbmskeys.mbms.gba.simulated.SimulatedBsf;

/**
 * The UE's side of the Ub reference point (TS 33.220 §4.5.2): one GBA bootstrapping with the home BSF,
 * leaving Ks, the B-TID and the key lifetime. {@link UeBootstrapping} runs it when the UE has no valid
 * bootstrapping (TS 33.246 §6.1: "Without valid keys it runs GBA with the home BSF").
 */
@FunctionalInterface
public interface UbClient {

    /**
     * Runs one bootstrapping.
     *
     * @return the new bootstrapping; {@link UeBootstrapping} keeps a copy of its Ks, so the implementation may
     *         destroy its own at the next run
     * @throws BootstrappingException if the run fails (AKA or BSF refusal)
     */
    BootstrappingContext bootstrap();

    /** The simulated USIM and BSF of tests and the demo: {@code client.bootstrap(bsf)}. */
    static UbClient simulated(GbaClient client, SimulatedBsf bsf) {
        return () -> client.bootstrap(bsf);
    }
}
