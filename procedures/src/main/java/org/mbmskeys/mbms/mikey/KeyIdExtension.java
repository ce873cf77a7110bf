package org.mbmskeys.mbms.mikey;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.profile.Unconfirmed;

/**
 * The data of an RFC 4563 Key ID extension, a General Extension of type {@link ExtensionType#KEY_ID}
 * (RFC 4563 §4, Figures 1 and 2): a list of Key ID sub-payloads ({@link KeyIdEntry}), each
 * {@code Key ID Type (1) | Key ID Length (1) | Key ID}, filling the extension data exactly.
 *
 * <p>TS 33.246 §6.4.4 puts one such extension in every MBMS key message: the Key Domain ID and the MSK ID
 * in MSK messages, and the MTK ID as well in MTK messages:
 *
 * <pre>
 * MSK message: 03 000b | 00 03 &lt;Key Domain ID 3&gt; | 01 04 &lt;MSK ID 4&gt;
 * MTK message: 03 000f | 00 03 &lt;Key Domain ID 3&gt; | 01 04 &lt;MSK ID 4&gt; | 02 02 &lt;MTK ID 2&gt;
 * </pre>
 *
 * <p>This class checks the framing only (each entry fits, the entries fill the data); entries of unknown
 * types, repeated types and unexpected widths survive a decode and re-encode byte for byte. A view, not a
 * payload: {@link #from} reads one out of an extension, {@link #toPayload()} makes one.
 *
 * <pre>{@code
 * GeneralExtensionPayload ext = KeyIdExtension.forMsk(KeyDomainId.parse("001-01"), MskId.of(1, 2)).toPayload();
 * List<Bytes> msk = KeyIdExtension.from(ext).orElseThrow().ids(KeyIdType.MSK);
 * }</pre>
 */
public record KeyIdExtension(List<KeyIdEntry> entries) {

    /** Bytes of an MSK ID Key ID (TS 33.246 §6.3.2.1). */
    public static final int MSK_ID_LENGTH = 4;

    /** Bytes of a Key Domain ID Key ID (TS 33.246 §6.3.2.1: MCC ‖ MNC, 3 bytes). */
    public static final int KEY_DOMAIN_LENGTH = 3;

    /**
     * The order in which the BM-SC writes the sub-payloads: as TS 33.246 §6.4.4 lists them. Readers
     * accept any order.
     */
    @Unconfirmed("U1: order of the Key ID sub-payloads (Key Domain ID, MSK ID, MTK ID as §6.4.4 lists them); "
            + "TS 33.246 Figures 6.4a/6.4b, which show it, are lost")
    public static final List<KeyIdType> WRITE_ORDER = List.of(KeyIdType.KEY_DOMAIN, KeyIdType.MSK, KeyIdType.MTK);

    /**
     * @throws IllegalArgumentException if the entries do not fit the 2-byte EXT Length
     */
    public KeyIdExtension {
        entries = List.copyOf(Objects.requireNonNull(entries, "entries"));
        int length = entries.stream().mapToInt(KeyIdEntry::wireLength).sum();
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("Key ID sub-payloads of " + length + " bytes do not fit an EXT "
                    + "(at most 65535 bytes of data)");
        }
    }

    /** The Key ID extension of an MSK message (TS 33.246 §6.4.4): Key Domain ID, MSK ID. */
    public static KeyIdExtension forMsk(KeyDomainId keyDomain, MskId mskId) {
        return new KeyIdExtension(List.of(keyDomain(keyDomain), new KeyIdEntry(KeyIdType.MSK, mskId.toBytes())));
    }

    /** The Key ID extension of an MTK message (TS 33.246 §6.4.4): Key Domain ID, MSK ID, MTK ID. */
    public static KeyIdExtension forMtk(KeyDomainId keyDomain, MskId mskId, MtkId mtkId) {
        return new KeyIdExtension(List.of(keyDomain(keyDomain), new KeyIdEntry(KeyIdType.MSK, mskId.toBytes()),
                new KeyIdEntry(KeyIdType.MTK, mtkId.toBytes())));
    }

    private static KeyIdEntry keyDomain(KeyDomainId keyDomain) {
        return new KeyIdEntry(KeyIdType.KEY_DOMAIN, keyDomain.plmnOctets());
    }

    /**
     * The Key ID sub-payloads in {@code ext}, or empty if {@code ext} is not of type {@link ExtensionType#KEY_ID}.
     *
     * @throws MikeyDecodeException if the type is KEY_ID but the data is not a sequence of whole
     *                              sub-payloads; offsets count from the start of the extension data
     */
    public static Optional<KeyIdExtension> from(GeneralExtensionPayload ext) {
        if (!ext.extensionType().equals(ExtensionType.KEY_ID)) {
            return Optional.empty();
        }
        return Optional.of(read(WireReader.over(ext.data().toByteArray())));
    }

    /** The General Extension payload carrying these sub-payloads. */
    public GeneralExtensionPayload toPayload() {
        WireWriter out = new WireWriter(entries.stream().mapToInt(KeyIdEntry::wireLength).sum());
        for (KeyIdEntry e : entries) {
            out.u8(e.type().code()).u8(e.id().length()).bytes(e.id());
        }
        return new GeneralExtensionPayload(ExtensionType.KEY_ID, Bytes.wrap(out.toArray()));
    }

    /** The Key IDs of {@code type}, in wire order; usually none or one. */
    public List<Bytes> ids(KeyIdType type) {
        List<Bytes> ids = new ArrayList<>(1);
        for (KeyIdEntry e : entries) {
            if (e.type().equals(type)) {
                ids.add(e.id());
            }
        }
        return ids;
    }

    /** Reads the whole of {@code in} as Key ID sub-payloads; fields are named {@code EXT.Key ID …}. */
    static KeyIdExtension read(WireReader in) {
        List<KeyIdEntry> entries = new ArrayList<>(3);
        while (!in.atEnd()) {
            KeyIdType type = KeyIdType.of(in.u8("EXT.Key ID Type"));
            int length = in.u8Length("EXT.Key ID Length");
            entries.add(new KeyIdEntry(type, in.bytes(length, "EXT.Key ID")));
        }
        return new KeyIdExtension(entries);
    }

    @Override
    public String toString() {
        return "KeyIdExtension" + entries;
    }
}
