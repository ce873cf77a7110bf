package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * Parser regression on a public, third-party message: the ONVIF MIKEY-NULL I_MESSAGE
 * (vectors/mikey-null-onvif.json, from onvif/specs PR #555). Expected fields are the project's decode
 * of it by hand; the message is real, the field breakdown is ours (not an official decode).
 */
class OnvifMikeyNullTest {

    private final Bytes wire = GoldenMessages.onvif();

    @Test
    void vectorIsTheDocumented102Bytes() {
        assertThat(wire.length()).isEqualTo(102);   // "length" in mikey-null-onvif.json
        assertThat(wire.slice(4, 4).toHex()).isEqualTo(Vectors.field("mikey-null-onvif.json", "csb_id"));
    }

    @Test
    void headerDecodesToPskInitWithOneSrtpCryptoSession() {
        CommonHeader hdr = MikeyCodec.decode(wire).message().header();

        assertThat(hdr.version()).isEqualTo(1);
        assertThat(hdr.dataType()).isEqualTo(DataType.PSK_INIT);
        assertThat(hdr.vFlag()).isFalse();
        assertThat(hdr.prfFunction()).isEqualTo(PrfFunction.MIKEY_1);
        assertThat(hdr.csbId()).isEqualTo(CsbId.of(0xfd6d77d0));
        assertThat(hdr.csIdMapType()).isEqualTo(CsIdMapType.SRTP_ID);
        assertThat(hdr.srtpCsEntries()).containsExactly(new SrtpCsEntry(0, 0xc20f551cL, 0));
    }

    @Test
    void payloadChainIsNtpUtcTimestampThenSrtpPolicyThenNullKemac() {
        DecodedMikey decoded = MikeyCodec.decode(wire);
        List<MikeyPayload> payloads = decoded.message().payloads();

        assertThat(payloads).extracting(MikeyPayload::type)
                .containsExactly(PayloadType.T, PayloadType.SP, PayloadType.KEMAC);
        assertThat(payloads.get(0)).isEqualTo(new TimestampPayload(TimestampType.NTP_UTC, 0x01d38e19cef95c3dL));

        SecurityPolicyPayload sp = (SecurityPolicyPayload) payloads.get(1);
        assertThat(sp.policyNo()).isZero();
        assertThat(sp.protType()).isEqualTo(ProtocolType.SRTP);
        assertThat(sp.parameterLength()).isEqualTo(24);
        assertThat(sp.parameters()).containsExactly(
                param(0, "01"), param(1, "10"), param(2, "01"), param(3, "14"),
                param(7, "01"), param(8, "01"), param(10, "01"), param(11, "0a"));

        KemacPayload kemac = (KemacPayload) payloads.get(2);
        assertThat(kemac.encryption()).isEqualTo(EncryptionAlgorithm.NULL);
        assertThat(kemac.encryptedKeyData().length()).isEqualTo(39);
        assertThat(kemac.macAlgorithm()).isEqualTo(MacAlgorithm.NULL);
        assertThat(kemac.mac().isEmpty()).isTrue();
        assertThat(decoded.macOffset()).hasValue(102);
        assertThat(decoded.macInput()).contains(wire);
    }

    @Test
    void reEncodesToTheReceivedBytes() {
        assertThat(MikeyCodec.encode(MikeyCodec.decode(wire).message())).isEqualTo(wire);
    }

    @Test
    void nullEncryptedKemacHoldsOneTekWithThirtyByteKeyAndSpi0000002f() {
        KemacPayload kemac = MikeyCodec.decode(wire).message().find(KemacPayload.class).orElseThrow();
        SecretBytes plaintext = SecretBytes.of(kemac.encryptedKeyData().toByteArray());

        List<KeyData> keys = KeyDataCodec.decode(plaintext);

        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.type()).isEqualTo(KeyDataType.TEK);
            assertThat(k.key().length()).isEqualTo(30);
            assertThat(k.key().revealHex()).isEqualTo("df40b9f54ac2944d1edbb50fe61fd6b72f542fcf9d7f383edadb669a8de4");
            assertThat(k.salt()).isEmpty();
            assertThat(k.kv()).isEqualTo(new KvSpi(Bytes.ofHex("0000002f")));
        });
        assertThat(KeyDataCodec.encode(keys)).isEqualTo(plaintext);
    }

    private static SpParameter param(int type, String hex) {
        return SpParameter.of(type, Bytes.ofHex(hex));
    }
}
