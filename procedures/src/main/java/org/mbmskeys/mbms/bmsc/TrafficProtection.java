package org.mbmskeys.mbms.bmsc;

import org.mbmskeys.mbms.traffic.SrtpMasterKey;

/**
 * The BM-SC Session and Transmission function as key management meets it: "The protection of the data is applied by
 * the BM-SC Session and Transmission Function" (TS 33.246 §6.6.1), with the MTKs key management makes. For a streaming
 * session it is handed the SRTP master key and salt of every new MTK as the MTK is made, before the MTK message that
 * carries it to the UEs is sent: MTK messages go ahead of the switch (§6.3.3.2.2), and the UEs keep the two newest MTKs
 * (§6.5.4), so the SRTP sender switches to it when it chooses, naming it by its MKI (MSK ID ‖ MTK ID, §6.6.2.1). A
 * download file's keys come with {@link Bmsc#downloadMtk} instead, to whoever protects the file.
 *
 * <p>Called on the thread that runs the session's {@code bmsc.mtk-delivery} procedure; it must not block. It takes the
 * key copies over and destroys them once it no longer protects with them. If it throws, the keys are destroyed, the
 * MTK message is dropped (neither sent nor resent; its MTK ID stays used, MTK IDs only go up) and the step fails, as
 * any failing effect of a procedure does; the session's current MTK message stays the one before.
 *
 * <pre>{@code
 * Bmsc bmsc = Bmsc.builder("bmsc.example.org")...
 *         .trafficProtection((session, key) -> srtpSenders.get(session).addMasterKey(key))
 *         .build();
 * }</pre>
 */
@FunctionalInterface
public interface TrafficProtection {

    /** No traffic protection in this process: the keys are destroyed at once. The default. */
    TrafficProtection NONE = (session, key) -> key.destroy();

    /** The MTK {@code key.mki()} of streaming session {@code session} was made; its MTK message is about to go out. */
    void newMtk(String session, SrtpMasterKey key);
}
