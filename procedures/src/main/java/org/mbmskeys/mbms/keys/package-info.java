/**
 * Key identities of TS 33.246 shared by both roles: Key Domain ID, MSK ID (Key Group ‖ Key Number), MTK ID,
 * MUK ID (IDi ‖ IDr), COUNTER timestamps with RFC 1982 ordering, key validity (SEQl..SEQu), the service
 * type of a Key Group, and the source of fresh key material.
 *
 * <p>The rules of each role live in their own package: the UE's key store (MGV-S) in
 * {@code org.mbmskeys.mbms.ue.keys}, the BM-SC's key registry in {@code org.mbmskeys.mbms.bmsc.keys}.
 * Both take typed values and answer with typed results; MIKEY bytes and crypto are elsewhere.
 */
package org.mbmskeys.mbms.keys;
