package org.mbmskeys.mbms.mikey;

/**
 * General Extension payload body (RFC 3830 §6.15): Type (1) | Length (2) | Data. Data of any type is kept
 * byte for byte; data of type Key ID must also be a sequence of whole Key ID sub-payloads
 * ({@link KeyIdExtension}, RFC 4563 §4), checked both ways so that whatever encodes also decodes. Only the
 * framing is checked here: unknown Key ID Types, repeats and widths are the reader's business.
 */
enum ExtensionCodec implements PayloadCodec<GeneralExtensionPayload> {
    INSTANCE;

    @Override
    public GeneralExtensionPayload decode(WireReader in) {
        ExtensionType type = ExtensionType.of(in.u8("EXT.Type"));
        WireReader data = in.sub(in.u16Length("EXT.Length"), "EXT.Data");
        if (type.equals(ExtensionType.KEY_ID)) {
            KeyIdExtension.read(data.duplicate());
        }
        return new GeneralExtensionPayload(type, data.bytes(data.remaining(), "EXT.Data"));
    }

    @Override
    public void encode(GeneralExtensionPayload ext, WireWriter out) {
        if (ext.extensionType().equals(ExtensionType.KEY_ID)) {
            try {
                KeyIdExtension.from(ext);
            } catch (MikeyDecodeException e) {
                throw new IllegalArgumentException("EXT of type " + ext.extensionType()
                        + " does not hold whole Key ID sub-payloads: " + e.problem() + " (" + e.field() + ")", e);
            }
        }
        out.u8(ext.extensionType().code()).u16(ext.data().length()).bytes(ext.data());
    }
}
