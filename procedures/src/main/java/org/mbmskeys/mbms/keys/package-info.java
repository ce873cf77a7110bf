/**
 * Key identities and key rules of TS 33.246: Key Domain ID, MSK ID (Key Group ‖ Key Number), MTK ID,
 * COUNTER timestamps with RFC 1982 ordering, key validity (SEQl..SEQu), the UE key store rules (MGV-S)
 * and the BM-SC key registry.
 */
package org.mbmskeys.mbms.keys;
