package org.mbmskeys.mbms.bmsc.procedure;

import org.mbmskeys.engine.spi.Envelope;

/**
 * MTK delivery of a streaming session (TS 33.246 §6.3.3.2.2) as the {@code bmsc.mtk-delivery} script calls it
 * ({@code service(MtkDelivery)}): MIKEY MTK messages to the session's multicast group on port 2269.
 */
public interface MtkDelivery {

    /**
     * The message of the session's next MTK (the first one when none was sent), sent ahead of the switch.
     *
     * @throws IllegalStateException when the Key Group has no current MSK or its MTK IDs are used up: the
     *                               operator has to rotate the MSK
     */
    Envelope next(String session);

    /** The message of the session's current MTK again, for the periodic resend (the same bytes). */
    Envelope current(String session);
}
