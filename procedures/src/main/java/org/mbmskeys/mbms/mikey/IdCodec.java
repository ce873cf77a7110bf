package org.mbmskeys.mbms.mikey;

/** ID payload body (RFC 3830 §6.7): ID type (1) | ID len (2) | ID data. */
enum IdCodec implements PayloadCodec<IdPayload> {
    INSTANCE;

    @Override
    public IdPayload decode(WireReader in) {
        int code = in.u8("ID.ID type");
        IdType type = IdType.ofCode(code).orElseThrow(() -> in.malformed("ID.ID type", IdType.CODES.unknown(code)));
        int length = in.u16Length("ID.ID len");
        return new IdPayload(type, in.bytes(length, "ID.ID data"));
    }

    @Override
    public void encode(IdPayload id, WireWriter out) {
        out.u8(id.idType().code()).u16(id.data().length()).bytes(id.data());
    }
}
