package org.mbmskeys.mbms.traffic;

/**
 * The keys traffic protection uses for one MTK (TS 33.246 §6.6): an SRTP master key and salt for a streaming session
 * ({@link SrtpMasterKey}, §6.6.2.1), the DCF encryption and authentication keys derived from it for a file of a
 * download session ({@link DcfKeys}, §6.5.4, §6.6.3.2). Copies the holder destroys.
 */
public sealed interface TrafficKeys permits SrtpMasterKey, DcfKeys {

    /** Wipes the keys. */
    void destroy();
}
