/**
 * Key identities and key rules of TS 33.246: Key Domain ID, MSK ID (Key Group ‖ Key Number), MTK ID,
 * MUK ID (IDi ‖ IDr), COUNTER timestamps with RFC 1982 ordering, key validity (SEQl..SEQu), the UE key
 * store rules (MGV-S) and the BM-SC key registry.
 *
 * <p>Where to start: on the UE side {@link org.mbmskeys.mbms.keys.UeKeyStore} (over a
 * {@link org.mbmskeys.mbms.keys.UeKeyStorage}); on the BM-SC side
 * {@link org.mbmskeys.mbms.keys.KeyRegistry} (over a {@link org.mbmskeys.mbms.keys.KeyRegistryStorage}).
 * Both take typed values and answer with typed results; MIKEY bytes and crypto are elsewhere.
 */
package org.mbmskeys.mbms.keys;
