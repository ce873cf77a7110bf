package org.mbmskeys.mbms.keys;

/**
 * What the MTKs of a Key Group protect: an SRTP streaming session or a FLUTE download channel. TS 33.246
 * §4.2: "MSKs within one Key Group shall be used to protect MTKs of only one RTP session or FLUTE
 * channel", so the service type is a property of the Key Group. It decides the shape of the messages
 * (§6.4.5.1, §6.4.5.3): streaming MSK messages carry an SRTP-ID map entry and may carry a security policy,
 * streaming MTKs travel as TEK+SALT with a 112-bit salt; download MSK messages use the Empty map and
 * download MTKs travel as TGK without salt.
 */
public enum ServiceType {
    /** MTKs are SRTP master keys of one RTP session (§6.6.2). */
    STREAMING,
    /** MTKs protect the objects of one FLUTE channel (§6.6.3). */
    DOWNLOAD
}
