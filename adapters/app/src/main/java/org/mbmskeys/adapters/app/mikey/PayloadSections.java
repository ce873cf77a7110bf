package org.mbmskeys.adapters.app.mikey;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.mikey.CommonHeader;
import org.mbmskeys.mbms.mikey.EncryptionAlgorithm;
import org.mbmskeys.mbms.mikey.ErrorPayload;
import org.mbmskeys.mbms.mikey.GeneralExtensionPayload;
import org.mbmskeys.mbms.mikey.IdPayload;
import org.mbmskeys.mbms.mikey.KemacPayload;
import org.mbmskeys.mbms.mikey.KeyData;
import org.mbmskeys.mbms.mikey.KeyDataCodec;
import org.mbmskeys.mbms.mikey.KeyIdEntry;
import org.mbmskeys.mbms.mikey.KeyIdExtension;
import org.mbmskeys.mbms.mikey.KeyIdType;
import org.mbmskeys.mbms.mikey.KvInterval;
import org.mbmskeys.mbms.mikey.KvSpi;
import org.mbmskeys.mbms.mikey.MikeyDecodeException;
import org.mbmskeys.mbms.mikey.MikeyPayload;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.RandPayload;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SpParameter;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.TimestampPayload;
import org.mbmskeys.mbms.mikey.VerificationPayload;

/** The inspect report's view of HDR and of each payload: every wire field, by the names RFC 3830 uses. */
final class PayloadSections {

    /** SRTP policy parameter types (RFC 3830 §6.10.1 Table 6.10.1.a, RFC 4771 §4 Table 3), for display only. */
    private static final String[] SRTP_PARAMETERS = {"encr alg", "encr key len", "auth alg", "auth key len",
        "salt len", "SRTP PRF", "KDR", "SRTP encr on/off", "SRTCP encr on/off", "FEC order", "SRTP auth on/off",
        "auth tag len", "SRTP prefix len", "ROC transmission rate", "SRTP auth alg", "SRTCP auth alg",
        "SRTP auth key len", "SRTCP auth key len", "SRTP auth tag len", "SRTCP auth tag len"};

    private PayloadSections() {
    }

    static Section header(CommonHeader h) {
        Section s = new Section("HDR")
                .put("version", h.version())
                .put("data_type", Coded.of(h.dataType(), h.dataType().code()))
                .put("v", h.vFlag())
                .put("prf_func", Coded.of(h.prfFunction(), h.prfFunction().code()))
                .put("csb_id", h.csbId().toString())
                .put("cs_count", h.csCount())
                .put("cs_id_map_type", Coded.open(h.csIdMapType(), h.csIdMapType().code()));
        if (!h.srtpCsEntries().isEmpty()) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (SrtpCsEntry e : h.srtpCsEntries()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("policy_no", e.policyNo());
                m.put("ssrc", String.format("%08x", e.ssrc()));
                m.put("roc", e.roc());
                entries.add(m);
            }
            s.put("srtp_cs", entries);
        }
        return s;
    }

    static Section payload(MikeyPayload p) {
        return switch (p.type()) {
            case GENERAL_EXTENSION -> extension((GeneralExtensionPayload) p);
            case T -> timestamp((TimestampPayload) p);
            case RAND -> rand((RandPayload) p);
            case ID -> id((IdPayload) p);
            case SP -> policy((SecurityPolicyPayload) p);
            case KEMAC -> kemac((KemacPayload) p);
            case V -> verification((VerificationPayload) p);
            case ERR -> error((ErrorPayload) p);
            case LAST, KEY_DATA -> throw new AssertionError(p.type() + " is never a payload record");
        };
    }

    private static Section extension(GeneralExtensionPayload ext) {
        Section s = new Section("EXT")
                .put("ext_type", Coded.open(ext.extensionType(), ext.extensionType().code()))
                .put("length", ext.data().length())
                .put("data", ext.data().toHex());
        // The codec has already checked a Key ID extension's framing, so from() does not throw here.
        KeyIdExtension.from(ext).ifPresent(k -> {
            List<Map<String, Object>> ids = new ArrayList<>();
            for (KeyIdEntry e : k.entries()) {
                ids.add(keyId(e));
            }
            s.put("key_ids", ids);
        });
        return s;
    }

    /** One Key ID sub-payload (RFC 4563 §4), its value named after its type when the width fits. */
    private static Map<String, Object> keyId(KeyIdEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key_id_type", Coded.open(e.type(), e.type().code()));
        m.put("key_id_len", e.id().length());
        if (e.type().equals(KeyIdType.KEY_DOMAIN) && e.id().length() == KeyIdExtension.KEY_DOMAIN_LENGTH) {
            m.put("key_domain", KeyDomainId.fromOctets(e.id()).toString());   // MCC-MNC, or 0x and hex (U2)
        } else if (e.type().equals(KeyIdType.MSK) && e.id().length() == KeyIdExtension.MSK_ID_LENGTH) {
            m.put("msk_id", MskId.fromBytes(e.id()).toString());
        } else if (e.type().equals(KeyIdType.MTK) && e.id().length() == MtkId.BYTES) {
            m.put("mtk_id", MtkId.fromBytes(e.id()).value());
        } else {
            m.put("key_id", e.id().toHex());
        }
        return m;
    }


    private static Section timestamp(TimestampPayload t) {
        // NTP values are 64-bit fixed point, shown as hex; COUNTER and NTP-UTC-32 are numbers.
        Object value = t.tsType().valueLength() == 8 ? String.format("%016x", t.value()) : (Object) t.value();
        return new Section("T")
                .put("ts_type", Coded.of(t.tsType(), t.tsType().code()))
                .put("ts_value", value);
    }

    private static Section rand(RandPayload r) {
        return new Section("RAND")
                .put("rand_len", r.rand().length())
                .put("rand", r.rand().toHex());
    }

    private static Section id(IdPayload id) {
        return new Section("ID")
                .put("id_type", Coded.open(id.idType(), id.idType().code()))
                .put("id_len", id.data().length())
                .put("id_text", printable(id.data()))
                .put("id_data", id.data().toHex());
    }

    private static Section policy(SecurityPolicyPayload sp) {
        List<Map<String, Object>> params = new ArrayList<>();
        boolean srtp = sp.protType().equals(ProtocolType.SRTP);
        for (SpParameter p : sp.parameters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", srtp && p.type() < SRTP_PARAMETERS.length ? new Coded(SRTP_PARAMETERS[p.type()], p.type())
                    : new Coded("UNKNOWN", p.type()));
            m.put("length", p.value().length());
            m.put("value", p.value().toHex());
            params.add(m);
        }
        return new Section("SP")
                .put("policy_no", sp.policyNo())
                .put("prot_type", Coded.open(sp.protType(), sp.protType().code()))
                .put("param_len", sp.parameterLength())
                .put("params", params);
    }

    private static Section kemac(KemacPayload k) {
        Section s = new Section("KEMAC")
                .put("encr_alg", Coded.of(k.encryption(), k.encryption().code()))
                .put("encr_data_len", k.encryptedKeyData().length())
                .put("encr_data", k.encryptedKeyData().toHex())
                .put("mac_alg", Coded.of(k.macAlgorithm(), k.macAlgorithm().code()))
                .put("mac", k.mac().toHex());
        if (k.encryption() == EncryptionAlgorithm.NULL && !k.isKeyless()) {
            // NULL encryption: the Key data sub-payloads travel in the clear, so they can be shown as they are.
            SecretBytes plaintext = SecretBytes.wrap(k.encryptedKeyData().toByteArray());
            try {
                s.put("key_data", keyData(KeyDataCodec.decode(plaintext)));
            } catch (MikeyDecodeException e) {
                s.put("key_data_problem", "Encr data (NULL encryption): " + e.getMessage());
            } finally {
                plaintext.destroy();
            }
        }
        return s;
    }

    /** Key data sub-payloads (RFC 3830 §6.13), keys shown: inspect is a debugging tool. */
    static List<Map<String, Object>> keyData(List<KeyData> keys) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (KeyData k : keys) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", Coded.of(k.type(), k.type().code()));
            m.put("kv", Coded.of(k.kv().kvType(), k.kv().kvType().code()));
            m.put("key_len", k.key().length());
            m.put("key", k.key().revealHex());
            k.salt().ifPresent(salt -> m.put("salt", salt.revealHex()));
            if (k.kv() instanceof KvSpi spi) {
                m.put("spi", spi.spi().toHex());
            } else if (k.kv() instanceof KvInterval interval) {
                m.put("kv_from", interval.validFrom().toHex());
                m.put("kv_to", interval.validTo().toHex());
                interval.keyValidity().ifPresent(v -> {
                    m.put("seql", v.seqLow().value());
                    m.put("sequ", v.seqHigh().value());
                });
            }
            out.add(m);
            k.key().destroy();
            k.salt().ifPresent(SecretBytes::destroy);
        }
        return out;
    }

    private static Section verification(VerificationPayload v) {
        return new Section("V")
                .put("auth_alg", Coded.of(v.macAlgorithm(), v.macAlgorithm().code()))
                .put("ver_data", v.verificationData().toHex());
    }

    private static Section error(ErrorPayload e) {
        return new Section("ERR")
                .put("error_no", Coded.open(e.errorNumber(), e.errorNumber().code()))
                .put("reserved", e.reserved().toHex());
    }

    /**
     * The ID data as text if it is UTF-8 without control characters; null otherwise, so that a crafted
     * message cannot send escape sequences to the terminal.
     */
    static String printable(Bytes data) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return null;
            }
        }
        return text;
    }
}
