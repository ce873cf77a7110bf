package org.mbmskeys.mbms.mikey;

/** ERR payload body (RFC 3830 §6.12): Error no (1) | Reserved (2), both kept as read. */
enum ErrorCodec implements PayloadCodec<ErrorPayload> {
    INSTANCE;

    @Override
    public ErrorPayload decode(WireReader in) {
        ErrorNumber number = ErrorNumber.of(in.u8("ERR.Error no"));
        return new ErrorPayload(number, in.bytes(2, "ERR.Reserved"));
    }

    @Override
    public void encode(ErrorPayload e, WireWriter out) {
        out.u8(e.errorNumber().code()).bytes(e.reserved());
    }
}
