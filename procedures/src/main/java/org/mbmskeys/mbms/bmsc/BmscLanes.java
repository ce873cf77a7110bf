package org.mbmskeys.mbms.bmsc;

/**
 * The lane of a BM-SC procedure instance: its UE's. The instances that send a UE MIKEY messages ({@code bmsc.msk-push},
 * {@code bmsc.solicited-pull}) are keyed {@code "impi|..."}, and each message is sealed with the next COUNTER of the
 * UE's MUK (TS 33.246 §6.3.2.3.1). A UE takes only counters newer than the last one it accepted (§6.4.6.1 step 2), so
 * two messages to one UE sealed on two lanes at once could leave in the other order, and the UE would discard the
 * first-sealed one as a replay (it arrives later with the older counter), to be resent only on the push's back-off
 * schedule. On one lane, the instances of one UE run one after the other, each sending what it sealed before the next
 * seals: the messages leave in counter order.
 */
final class BmscLanes {

    private BmscLanes() {
    }

    /** The IMPI of {@code "impi|..."} keys; any other key is its own lane key. */
    static Object ueOf(Object instanceKey) {
        if (instanceKey instanceof String key) {
            int bar = key.indexOf('|');
            return bar < 0 ? key : key.substring(0, bar);
        }
        return instanceKey;
    }
}
