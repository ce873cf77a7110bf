/**
 * A simulated USIM and BSF that run a real GBA bootstrapping in process (TS 33.220 §4.5.2 with MILENAGE
 * AKA, TS 35.206), for tests, features and the demo: the UE side ({@link
 * org.mbmskeys.mbms.gba.simulated.GbaClient} over a {@link org.mbmskeys.mbms.gba.simulated.SimulatedUsim})
 * and the network side ({@link org.mbmskeys.mbms.gba.simulated.SimulatedBsf}, which answers BM-SCs through
 * the {@link org.mbmskeys.mbms.gba.Bootstrapping} SPI) end up with the same Ks without any key being
 * hard-wired. Not for production: the Ub exchange is method calls, SQN freshness is a plain "greater than".
 */
package org.mbmskeys.mbms.gba.simulated;
