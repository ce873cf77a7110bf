package org.mbmskeys.adapters.jdbc;

import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ProtectingKey;
import org.mbmskeys.mbms.keys.ServiceType;

/**
 * The non-secret fields of key registry records as canonical text (equal records, equal text), so that a
 * compare-and-set can compare them in SQL; and the text key of a {@link ProtectingKey}.
 */
final class KeyRecordCodec {

    private static final String NONE = "-";

    private KeyRecordCodec() {
    }

    static String encodeGroup(KeyGroupRecord g) {
        return String.join(" ", "v1", g.serviceType().name(), Integer.toString(g.lastKeyNumber()),
                g.current().map(MskRef::toString).orElse(NONE), g.previous().map(MskRef::toString).orElse(NONE));
    }

    static KeyGroupRecord decodeGroup(String keyDomain, int keyGroup, String text) {
        String[] f = fields(text, 5, "key group");
        return new KeyGroupRecord(org.mbmskeys.mbms.keys.KeyDomainId.parse(keyDomain),
                org.mbmskeys.mbms.keys.KeyGroup.of(keyGroup), ServiceType.valueOf(f[1]), Integer.parseInt(f[2]),
                ref(f[3]), ref(f[4]));
    }

    /** The MSK's fields other than its identity and key. */
    record MskFields(KeyValidity validity, Bytes rand, ServiceType serviceType, Optional<MtkId> lastMtk) {
    }

    static String encodeMsk(KeyValidity validity, Bytes rand, ServiceType serviceType, Optional<MtkId> lastMtk) {
        return String.join(" ", "v1", Integer.toString(validity.seqLow().value()),
                Integer.toString(validity.seqHigh().value()), rand.toHex(), serviceType.name(),
                lastMtk.map(m -> Integer.toString(m.value())).orElse(NONE));
    }

    static MskFields decodeMsk(String text) {
        String[] f = fields(text, 6, "MSK");
        return new MskFields(KeyValidity.of(Integer.parseInt(f[1]), Integer.parseInt(f[2])), Bytes.ofHex(f[3]),
                ServiceType.valueOf(f[4]), f[5].equals(NONE) ? Optional.empty() : Optional.of(MtkId.of(Integer.parseInt(f[5]))));
    }

    static String protectingKey(ProtectingKey key) {
        if (key instanceof ProtectingKey.Muk muk) {
            return "muk " + muk.id().idi().toHex() + " " + muk.id().idr().toHex();
        }
        return "msk " + ((ProtectingKey.Msk) key).ref();
    }

    private static Optional<MskRef> ref(String text) {
        return text.equals(NONE) ? Optional.empty() : Optional.of(MskRef.parse(text));
    }

    private static String[] fields(String text, int count, String what) {
        String[] f = text.split(" ", -1);
        if (f.length != count || !f[0].equals("v1")) {
            throw new StorageException("a stored " + what + " record is not in the v1 form this version reads");
        }
        return f;
    }
}
