package org.mbmskeys.mbms.ue.announcement;

import java.util.Objects;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;

/** What the UE does with one User Service Description ({@link ServiceAccess#decide}, TS 33.246 §6.3.2.1A). */
public sealed interface ProtectionDecision {

    /**
     * An unprotected service: "the UE shall not perform User Service Registration for key management purposes"
     * and should not run GBA for MBMS.
     */
    record NoRegistration() implements ProtectionDecision {
    }

    /** The UE cannot access the protected service with its card. */
    record NoAccess(Reason reason, String detail) implements ProtectionDecision {
        public NoAccess {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        /** Why (TS 33.246 §6.3.2.1A). */
        public enum Reason {
            /**
             * UICC key management is required but the selected UICC application is not capable of it: "the UE
             * should only try to access the MBMS User Service if the selected UICC application is capable of MBMS
             * key management".
             */
            UICC_KEY_MANAGEMENT_UNAVAILABLE,
            /**
             * Only a SIM and 2G GBA is not allowed: "the UE should only try to access the MBMS User Service if a
             * USIM is present in the UE as the use of SIM is not allowed".
             */
            USIM_REQUIRED,
            /** No subscriber card: no GBA run is possible. */
            NO_SUBSCRIBER_CARD
        }
    }

    /**
     * Register to the service.
     *
     * @param bmsc          the key management server chosen from the announcement; the UE keeps it "for subsequent
     *                      key management procedures"
     * @param keyManagement UICC when the UICC application is capable (and required or not), ME otherwise
     * @param gba           3G GBA with a USIM, 2G GBA with a SIM when allowed
     */
    record Register(Fqdn bmsc, MbmsKeyManagement keyManagement, GbaFlavour gba) implements ProtectionDecision {
        public Register {
            Objects.requireNonNull(bmsc, "bmsc");
            Objects.requireNonNull(keyManagement, "keyManagement");
            Objects.requireNonNull(gba, "gba");
        }
    }

    /** The GBA run the UE makes (TS 33.220; 2G GBA is its Annex I). */
    enum GbaFlavour {
        GBA_3G,
        GBA_2G
    }
}
