/**
 * The UE's key store (the MGV-S of TS 33.246 §6.4, §6.5): MUKs and the last used MUK, MSKs (two per Key
 * Group), MTKs, their replay counters and the UICC they belong to.
 *
 * <p>Where to start: {@link org.mbmskeys.mbms.ue.keys.UeKeyStore} over a
 * {@link org.mbmskeys.mbms.ue.keys.UeKeyStorage}. Every rule answers with a
 * {@link org.mbmskeys.mbms.ue.keys.KeyOutcome}: the value, or a typed
 * {@link org.mbmskeys.mbms.ue.keys.KeyRejection} with the state unchanged.
 */
package org.mbmskeys.mbms.ue.keys;
