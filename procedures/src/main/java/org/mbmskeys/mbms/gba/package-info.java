/**
 * GBA (TS 33.220) keys for MBMS (TS 33.246 §6.1): where MUK and MRK come from.
 *
 * <p>Start with {@link org.mbmskeys.mbms.gba.NafKeys} (Ks_(ext)_NAF / Ks_int_NAF from a
 * {@link org.mbmskeys.mbms.gba.BootstrappingContext} and a {@link org.mbmskeys.mbms.gba.NafId}) and
 * {@link org.mbmskeys.mbms.gba.NafKeyMaterial#mukMrk(MbmsKeyManagement)}, which applies the
 * {@link org.mbmskeys.mbms.gba.MukMrkDerivation} of the {@link org.mbmskeys.mbms.gba.MbmsKeyManagement}
 * (TS 33.246 §6.1 and Annex F: UICC-based or ME-based key management). A BM-SC gets
 * NAF keys through the {@link org.mbmskeys.mbms.gba.Bootstrapping} SPI (Zn). The building blocks are the
 * Annex B.2 {@link org.mbmskeys.mbms.gba.Kdf} and the {@link org.mbmskeys.mbms.gba.BTid}.
 *
 * <p>{@link org.mbmskeys.mbms.gba.simulated.SimulatedBsf}, {@link org.mbmskeys.mbms.gba.simulated.SimulatedUsim} and
 * {@link org.mbmskeys.mbms.gba.simulated.GbaClient} run a real bootstrapping in process (MILENAGE AKA,
 * {@link org.mbmskeys.mbms.gba.simulated.Milenage}), so tests and the demo never hard-wire a key.
 *
 * <p>Which key management a GBA_U UE uses is not signalled in any text the project has read; the default
 * ({@link org.mbmskeys.mbms.gba.GbaMode#defaultKeyManagement()}) is marked
 * {@link org.mbmskeys.mbms.profile.Unconfirmed}. This package uses {@code javax.crypto} directly (HMAC-SHA-256,
 * AES); it does not use Bouncy Castle.
 */
package org.mbmskeys.mbms.gba;
