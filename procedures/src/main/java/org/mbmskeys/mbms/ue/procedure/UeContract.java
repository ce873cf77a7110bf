package org.mbmskeys.mbms.ue.procedure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.roles.RoleContract;
import org.mbmskeys.mbms.roles.RoleContract.Expectation;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;

/**
 * What the UE's Java code (and the shipped UE scripts, which start one another) expects of the UE scripts:
 * names, inputs, events and signals. An operator's script that overrides a shipped one keeps these, or it is
 * refused when it loads.
 */
public final class UeContract {

    private static final String EXCHANGE = "the UE's key management client routes each HTTP answer to it as a "
            + "KeyManagementAnswer and signals 'bootstrapped' after GBA";

    /** The contract of the shipped {@code procedures/ue} scripts. */
    public static final RoleContract CONTRACT = new RoleContract("UE", Map.of(
            "ue.mikey-reception", new Expectation(Map.of("ue", String.class), Set.of(MikeyDatagram.class), Set.of(),
                    "the UE host starts it per UE with ue and routes every MIKEY datagram to it"),
            "ue.service", new Expectation(Map.of("ue", String.class), Set.of(),
                    Set.of("powerOn", "powerDown", "use", "leave", "connectionLost", "uiccChanged"),
                    "the Ue facade starts it per UE with ue and signals the user's and the device's events to it"),
            "ue.registration", new Expectation(Map.of("ue", String.class, "request", RegistrationAction.class),
                    Set.of(KeyManagementAnswer.class), Set.of("bootstrapped"),
                    "ue.service starts it with ue and request; " + EXCHANGE),
            "ue.deregistration", new Expectation(Map.of("ue", String.class, "request", RegistrationAction.class),
                    Set.of(KeyManagementAnswer.class), Set.of("bootstrapped"),
                    "ue.service starts it with ue and request; " + EXCHANGE),
            "ue.msk-request", new Expectation(Map.of("ue", String.class, "bmsc", String.class, "msks", List.class,
                    "reason", MskRequestReason.class), Set.of(KeyManagementAnswer.class), Set.of("bootstrapped", "now"),
                    "ue.mikey-reception starts it with ue, bmsc, msks and reason and signals 'now' for a solicited "
                            + "pull; " + EXCHANGE)));

    private UeContract() {
    }
}
