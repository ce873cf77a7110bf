/**
 * MIKEY (RFC 3830, RFC 4563) wire format as MBMS uses it (TS 33.246; the choices are listed in
 * {@code docs/wire-profile.md}). Values only: no keys, no crypto.
 *
 * <p>Where to start:
 * <ul>
 *   <li>{@link org.mbmskeys.mbms.mikey.MikeyCodec}: {@code encode(MikeyMessage)} and {@code decode(Bytes)},
 *       the one chain walker; decode errors are {@link org.mbmskeys.mbms.mikey.MikeyDecodeException} with
 *       offset and field.</li>
 *   <li>{@link org.mbmskeys.mbms.mikey.MikeyMessage}: {@link org.mbmskeys.mbms.mikey.CommonHeader} plus a
 *       list of {@link org.mbmskeys.mbms.mikey.MikeyPayload} records, one per RFC 3830 payload (T, RAND,
 *       ID, SP, EXT, KEMAC, V, ERR).</li>
 *   <li>{@link org.mbmskeys.mbms.mikey.DecodedMikey}: the received bytes and where the KEMAC MAC or V
 *       verification data sits; MACs are checked over {@code macInput()}, never over a re-encoding.</li>
 *   <li>{@link org.mbmskeys.mbms.mikey.KeyDataCodec}: the Key data sub-payloads inside the (decrypted)
 *       KEMAC, as {@link org.mbmskeys.engine.bytes.SecretBytes}.</li>
 *   <li>{@link org.mbmskeys.mbms.mikey.KeyIdExtension}: the RFC 4563 Key ID (MSK ID, MTK ID) in a General
 *       Extension.</li>
 * </ul>
 *
 * <p>Code spaces are closed (unknown value = malformed) unless the field's payload carries its own length:
 * {@link org.mbmskeys.mbms.mikey.ExtensionType}, {@link org.mbmskeys.mbms.mikey.ErrorNumber},
 * {@link org.mbmskeys.mbms.mikey.ProtocolType} and {@link org.mbmskeys.mbms.mikey.CsIdMapType} are open and
 * keep unknown codes. Each type checks its codes for uniqueness when it loads. Reading and writing
 * ({@code WireReader}, {@code WireWriter}, one {@code PayloadCodec} per payload) is package-private.
 */
package org.mbmskeys.mbms.mikey;
