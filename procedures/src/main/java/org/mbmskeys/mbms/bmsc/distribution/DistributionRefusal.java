package org.mbmskeys.mbms.bmsc.distribution;

/** Why {@link KeyDistribution} prepared no message. Nothing was sent and no counter was used. */
public enum DistributionRefusal {
    /** No such Key Group in the key registry. */
    UNKNOWN_KEY_GROUP,
    /** No such MSK (never issued, dropped by rotation, invalidated), or the group has no current MSK yet. */
    UNKNOWN_MSK,
    /** The BM-SC knows no MUK for the UE (no authenticated request since it started). */
    NO_MUK,
    /**
     * The UE's MUK is past its lifetime: run a solicited pull instead, and answer the UE's next HTTP POST
     * with a Bootstrapping Renegotiation Request (TS 33.246 §6.3.2.2.4).
     */
    MUK_EXPIRED,
    /** A retransmission, but the UE's MUK is no longer the one of the first attempt: push afresh. */
    MUK_CHANGED,
    /** A streaming Key Group without a configured session (SRTP-ID map entry and SP, §6.4.5.1). */
    NO_STREAMING_SESSION
}
