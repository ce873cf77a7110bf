/**
 * MIKEY crypto for MBMS (RFC 3830 §4.1–§4.2, §5.2; TS 33.246 §6.5): the primitives behind one small
 * {@link org.mbmskeys.mbms.mikey.crypto.CryptoSuite} (JCA by default, Bouncy Castle lightweight as an
 * alternative), the MIKEY-1 PRF ({@link org.mbmskeys.mbms.mikey.crypto.MikeyPrf} over named
 * {@link org.mbmskeys.mbms.mikey.crypto.PrfInput}s), the KEMAC keys, AES-CM-128 and HMAC-SHA-1-160 of the
 * KEMAC payload, and the verification (ACK) MAC.
 *
 * <p>Start with {@link org.mbmskeys.mbms.mikey.crypto.KemacKeys#derive}, then
 * {@link org.mbmskeys.mbms.mikey.crypto.KemacMac} and {@link org.mbmskeys.mbms.mikey.crypto.KemacCipher}.
 * Nothing here parses MIKEY: the API works on byte strings, so the codec and the protection step stay
 * separate. Verify a MAC before decrypting anything it covers.
 *
 * <p>This is the only package of the project that imports {@code javax.crypto} or {@code org.bouncycastle}.
 * Key material is held in {@link org.mbmskeys.engine.bytes.SecretBytes} and never printed.
 */
package org.mbmskeys.mbms.mikey.crypto;
