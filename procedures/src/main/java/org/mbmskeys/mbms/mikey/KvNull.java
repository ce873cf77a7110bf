package org.mbmskeys.mbms.mikey;

/** KV = Null: no key validity data follows the key (RFC 3830 §6.13). MBMS MTKs use it (TS 33.246 §6.4.5.3). */
public record KvNull() implements KeyValidityData {

    public static final KvNull INSTANCE = new KvNull();

    @Override
    public KvType kvType() {
        return KvType.NULL;
    }
}
