package org.mbmskeys.mbms.ue;

import java.util.Objects;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.ue.announcement.UeCapabilities;
import org.mbmskeys.mbms.ue.gba.UbClient;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * One UE as a {@link UeHost} runs it: its name (also its host name on the network: MIKEY reaches it there and its
 * key management requests come from there), the card, and its side of GBA.
 *
 * @param name         the UE's name and host; instance keys of its procedures start with it
 * @param uicc         the identity of the inserted UICC (or SIM): another one deletes every MBMS key (TS 33.246 §6.1)
 * @param capabilities the card's capabilities, for the choice of key management (§6.3.2.1A)
 * @param gbaMode      the GBA run the card makes (GBA_U with a GBA-aware UICC, GBA_ME otherwise)
 * @param ub           GBA over Ub with the home BSF ({@link UbClient#simulated} in tests and the demo)
 */
public record UeProfile(String name, UiccId uicc, UeCapabilities capabilities, GbaMode gbaMode, UbClient ub) {

    public UeProfile {
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.contains("/") || name.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("a UE name is a host name without '/' or white space (instance keys "
                    + "start with it, as in alice/msk/...); got '" + name + "'");
        }
        Objects.requireNonNull(uicc, "uicc");
        Objects.requireNonNull(capabilities, "capabilities");
        Objects.requireNonNull(gbaMode, "gbaMode");
        Objects.requireNonNull(ub, "ub");
    }

    /** A UE with a USIM (ME key management, GBA_ME). */
    public static UeProfile usim(String name, UiccId uicc, UbClient ub) {
        return new UeProfile(name, uicc, UeCapabilities.usim(), GbaMode.GBA_ME, ub);
    }
}
