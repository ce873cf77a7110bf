package org.mbmskeys.mbms.mikey;

/** T payload body (RFC 3830 §6.6): TS type (1) | TS value (8 or 4). */
enum TimestampCodec implements PayloadCodec<TimestampPayload> {
    INSTANCE;

    @Override
    public TimestampPayload decode(WireReader in) {
        int code = in.u8("T.TS type");
        TimestampType type = TimestampType.ofCode(code)
                .orElseThrow(() -> in.malformed("T.TS type", TimestampType.CODES.unknown(code)));
        long value = type.valueLength() == 8 ? in.u64("T.TS value") : in.u32("T.TS value");
        return new TimestampPayload(type, value);
    }

    @Override
    public void encode(TimestampPayload t, WireWriter out) {
        out.u8(t.tsType().code());
        if (t.tsType().valueLength() == 8) {
            out.u64(t.value());
        } else {
            out.u32(t.value());
        }
    }
}
