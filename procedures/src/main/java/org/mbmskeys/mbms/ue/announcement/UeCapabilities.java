package org.mbmskeys.mbms.ue.announcement;

import java.util.Objects;

/**
 * What the UE's card allows for MBMS key management (TS 33.246 §6.3.2.1A, §6.1).
 *
 * @param card                   the subscriber card present: a UICC with a USIM, a SIM, or none
 * @param uiccKeyManagementCapable the selected UICC application is capable of MBMS key management (it holds
 *                               MUK and MSKs and runs the MGV-F, Annex D); needs a USIM, and implies GBA_U
 * @throws IllegalArgumentException if a card without a USIM is said to be capable of UICC key management
 */
public record UeCapabilities(Card card, boolean uiccKeyManagementCapable) {

    /** The subscriber card in the UE. */
    public enum Card {
        /** A UICC with a USIM: 3G GBA. */
        USIM,
        /** A SIM only: 2G GBA (TS 33.220 Annex I), if the service allows it. */
        SIM,
        /** No card: no GBA at all. */
        NONE
    }

    public UeCapabilities {
        Objects.requireNonNull(card, "card");
        if (uiccKeyManagementCapable && card != Card.USIM) {
            throw new IllegalArgumentException("UICC-based MBMS key management needs a UICC application with a USIM "
                    + "(TS 33.246 §6.1, Annex D); the card is " + card);
        }
    }

    /** A USIM whose UICC application is capable of MBMS key management. */
    public static UeCapabilities mbmsUicc() {
        return new UeCapabilities(Card.USIM, true);
    }

    /** A USIM without MBMS key management on the UICC: ME-based key management. */
    public static UeCapabilities usim() {
        return new UeCapabilities(Card.USIM, false);
    }

    /** A SIM only. */
    public static UeCapabilities sim() {
        return new UeCapabilities(Card.SIM, false);
    }
}
