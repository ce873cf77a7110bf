package org.mbmskeys.mbms.mikey;

import java.util.ArrayList;
import java.util.List;

/**
 * SP payload body (RFC 3830 §6.10): Policy no (1) | Prot type (1) | Policy param length (2) | parameters.
 * The parameters must fill the declared length exactly.
 */
enum SecurityPolicyCodec implements PayloadCodec<SecurityPolicyPayload> {
    INSTANCE;

    @Override
    public SecurityPolicyPayload decode(WireReader in) {
        int policyNo = in.u8("SP.Policy no");
        ProtocolType protType = ProtocolType.of(in.u8("SP.Prot type"));
        int length = in.u16Length("SP.Policy param length");
        WireReader params = in.sub(length, "SP.Policy params");
        List<SpParameter> parameters = new ArrayList<>();
        while (!params.atEnd()) {
            int type = params.u8("SP.Policy param.Type");
            int valueLength = params.u8Length("SP.Policy param.Length");
            parameters.add(new SpParameter(type, params.bytes(valueLength, "SP.Policy param.Value")));
        }
        return new SecurityPolicyPayload(policyNo, protType, parameters);
    }

    @Override
    public void encode(SecurityPolicyPayload sp, WireWriter out) {
        out.u8(sp.policyNo()).u8(sp.protType().code()).u16(sp.parameterLength());
        for (SpParameter p : sp.parameters()) {
            out.u8(p.type()).u8(p.value().length()).bytes(p.value());
        }
    }
}
