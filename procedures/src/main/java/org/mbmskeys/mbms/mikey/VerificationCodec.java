package org.mbmskeys.mbms.mikey;

/** V payload body (RFC 3830 §6.9): Auth alg (1) | Verification data (0 or 20). */
enum VerificationCodec implements PayloadCodec<VerificationPayload> {
    INSTANCE;

    @Override
    public VerificationPayload decode(WireReader in) {
        int code = in.u8("V.Auth alg");
        MacAlgorithm alg = MacAlgorithm.ofCode(code)
                .orElseThrow(() -> in.malformed("V.Auth alg", MacAlgorithm.CODES.unknown(code)));
        return new VerificationPayload(alg, in.bytes(alg.macLength(), "V.Ver data"));
    }

    @Override
    public void encode(VerificationPayload v, WireWriter out) {
        out.u8(v.macAlgorithm().code()).bytes(v.verificationData());
    }
}
