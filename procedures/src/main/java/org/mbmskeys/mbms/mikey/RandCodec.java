package org.mbmskeys.mbms.mikey;

/** RAND payload body (RFC 3830 §6.11): RAND len (1) | RAND. */
enum RandCodec implements PayloadCodec<RandPayload> {
    INSTANCE;

    @Override
    public RandPayload decode(WireReader in) {
        int length = in.u8Length("RAND.RAND len");
        if (length == 0) {
            throw in.malformed("RAND.RAND len", "a RAND of 0 bytes; RAND len must be 1..255 (16 or more recommended)");
        }
        return new RandPayload(in.bytes(length, "RAND.RAND"));
    }

    @Override
    public void encode(RandPayload r, WireWriter out) {
        out.u8(r.rand().length()).bytes(r.rand());
    }
}
