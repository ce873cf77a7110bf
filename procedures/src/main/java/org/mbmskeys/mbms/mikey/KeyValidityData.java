package org.mbmskeys.mbms.mikey;

/**
 * The KV (key validity) part of a Key data sub-payload (RFC 3830 §6.13, §6.14): none ({@link KvNull}), an
 * SPI/MKI ({@link KvSpi}), or an interval ({@link KvInterval}). Not secret.
 */
public sealed interface KeyValidityData permits KvNull, KvSpi, KvInterval {

    /** The KV nibble announcing this layout. */
    KvType kvType();
}
