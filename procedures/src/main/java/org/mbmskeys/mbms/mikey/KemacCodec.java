package org.mbmskeys.mbms.mikey;

/**
 * KEMAC payload body (RFC 3830 §6.2): Encr alg (1) | Encr data len (2) | Encr data | MAC alg (1) | MAC.
 * The encrypted data stays opaque; the chain walker makes sure nothing follows.
 */
enum KemacCodec implements PayloadCodec<KemacPayload> {
    INSTANCE;

    @Override
    public KemacPayload decode(WireReader in) {
        int encCode = in.u8("KEMAC.Encr alg");
        EncryptionAlgorithm encryption = EncryptionAlgorithm.ofCode(encCode)
                .orElseThrow(() -> in.malformed("KEMAC.Encr alg", EncryptionAlgorithm.CODES.unknown(encCode)));
        int length = in.u16Length("KEMAC.Encr data len");
        var encrypted = in.bytes(length, "KEMAC.Encr data");
        int macCode = in.u8("KEMAC.MAC alg");
        MacAlgorithm macAlgorithm = MacAlgorithm.ofCode(macCode)
                .orElseThrow(() -> in.malformed("KEMAC.MAC alg", MacAlgorithm.CODES.unknown(macCode)));
        return new KemacPayload(encryption, encrypted, macAlgorithm, in.bytes(macAlgorithm.macLength(), "KEMAC.MAC"));
    }

    @Override
    public void encode(KemacPayload k, WireWriter out) {
        out.u8(k.encryption().code()).u16(k.encryptedKeyData().length()).bytes(k.encryptedKeyData());
        out.u8(k.macAlgorithm().code()).bytes(k.mac());
    }
}
