/**
 * Byte strings shared by every module: {@link org.mbmskeys.engine.bytes.Bytes} for wire data and
 * identifiers, {@link org.mbmskeys.engine.bytes.SecretBytes} for key material that must never be printed,
 * and {@link org.mbmskeys.engine.bytes.Hex}. The engine owns them because its transport SPIs carry bytes;
 * they know nothing of MBMS.
 */
package org.mbmskeys.engine.bytes;
