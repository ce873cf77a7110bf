package org.mbmskeys.mbms.mikey;

/** ID payload body (RFC 3830 §6.7): ID type (1) | ID len (2) | ID data. */
enum IdCodec implements PayloadCodec<IdPayload> {
    INSTANCE;

    @Override
    public IdPayload decode(WireReader in) {
        IdType type = IdType.of(in.u8("ID.ID type"));   // open: §6.4.5.1 has the receiver ignore it
        int length = in.u16Length("ID.ID len");
        return new IdPayload(type, in.bytes(length, "ID.ID data"));
    }

    @Override
    public void encode(IdPayload id, WireWriter out) {
        out.u8(id.idType().code()).u16(id.data().length()).bytes(id.data());
    }
}
