package org.mbmskeys.mbms.gba.simulated;


/** Why a GBA bootstrapping over Ub (TS 33.220 §4.5.2), or the use of its result, failed. */
public enum BootstrappingFailure {

    /** The BSF has no subscriber with this IMPI. */
    UNKNOWN_IMPI,
    /** The BSF got a RES (or AUTS) for an IMPI it has not challenged, or already answered. */
    NO_PENDING_CHALLENGE,
    /** The RES did not match XRES: the UE does not hold the subscriber's K/OPc. */
    RES_MISMATCH,
    /** The USIM rejected AUTN: its MAC did not verify (wrong K/OPc on one side, or a forged challenge). */
    MAC_FAILURE,
    /** The USIM found SQN stale and resynchronisation did not help. */
    SYNC_FAILURE,
    /** The BSF could not verify the AUTS (MAC-S) of a resynchronisation request. */
    RESYNC_REJECTED,
    /** The bootstrapping's key lifetime is over; bootstrap again. */
    EXPIRED,
    /** Ub over a network: the BSF did not answer, or answered what Ub does not allow (a Ub client's report). */
    BSF_UNUSABLE
}
