package org.mbmskeys.mbms.ue.procedure;

import java.util.List;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Envelope;
import org.mbmskeys.mbms.ue.reception.Reception;

/**
 * The UE's MIKEY reception, as {@code ue.mikey-reception} calls it (TS 33.246 §6.3.2.2.3, §6.3.2.2.4,
 * §6.3.2.3.1, §6.4.6).
 */
public interface UeMikey {

    /**
     * Processes one datagram ({@code MikeyReception.receive} of that UE). MTK copies of a {@code MtkStored} are
     * already destroyed: the key store keeps the MTK.
     */
    Reception receive(MikeyDatagram datagram);

    /** The verification message as a datagram from the UE's port 2269 back to where {@code received} came from. */
    Envelope answer(MikeyDatagram received, Bytes verification);

    /**
     * The MSK request a {@link Reception.MskRequestNeeded} calls for, if the Key Group belongs to a service the
     * UE is registered to (an MTK message is unauthenticated, so no other group is asked for).
     */
    Optional<MskRequestPlan> mskRequestFor(String ue, Reception.MskRequestNeeded needed);

    /** What a reception means for a listener: keys received, a discard with its reason, and so on. */
    List<UeOutcome> outcomes(MikeyDatagram datagram, Reception reception);
}
