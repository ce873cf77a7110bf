package org.mbmskeys.mbms.bmsc.procedure;

import java.util.Map;
import java.util.Set;
import org.mbmskeys.mbms.roles.RoleContract;
import org.mbmskeys.mbms.roles.RoleContract.Expectation;

/**
 * What the BM-SC's Java code expects of its scripts: names, inputs, events and signals. An operator's script
 * that overrides a shipped one keeps these, or it is refused when it loads.
 */
public final class BmscContract {

    private static final String REQUEST = "the BM-SC starts one instance per HTTP request, without inputs, and "
            + "gives it the KeyRequestArrived to reply to";

    /** The contract of the shipped {@code procedures/bmsc} scripts. */
    public static final RoleContract CONTRACT = new RoleContract("BM-SC", Map.of(
            "bmsc.registration", new Expectation(Map.of(), Set.of(KeyRequestArrived.class), Set.of(), REQUEST),
            "bmsc.deregistration", new Expectation(Map.of(), Set.of(KeyRequestArrived.class), Set.of(), REQUEST),
            "bmsc.msk-request", new Expectation(Map.of(), Set.of(KeyRequestArrived.class), Set.of(), REQUEST),
            "bmsc.msk-push", new Expectation(Map.of("ue", String.class, "msk", String.class, "kind", String.class),
                    Set.of(MikeyArrived.class), Set.of(),
                    "the BM-SC starts it with ue, msk and kind, and routes the UE's verification message to it"),
            "bmsc.solicited-pull", new Expectation(Map.of("ue", String.class, "group", String.class), Set.of(),
                    Set.of("requested"),
                    "the BM-SC starts it with ue and group, and signals 'requested' when the UE's MSK request answers it"),
            "bmsc.mtk-delivery", new Expectation(Map.of("session", String.class), Set.of(), Set.of("next", "stop"),
                    "the BM-SC starts it with session, and signals 'next' for the next MTK and 'stop' to end delivery")));

    private BmscContract() {
    }
}
