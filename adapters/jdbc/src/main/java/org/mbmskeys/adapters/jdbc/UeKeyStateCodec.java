package org.mbmskeys.adapters.jdbc;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.ProtocolType;
import org.mbmskeys.mbms.mikey.SecurityPolicyPayload;
import org.mbmskeys.mbms.mikey.SpParameter;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.ue.keys.KeyFingerprint;
import org.mbmskeys.mbms.ue.keys.RetiredMtkState;
import org.mbmskeys.mbms.ue.keys.RetiredMukCounter;
import org.mbmskeys.mbms.ue.keys.StoredGbaKey;
import org.mbmskeys.mbms.ue.keys.StoredMsk;
import org.mbmskeys.mbms.ue.keys.StoredMtk;
import org.mbmskeys.mbms.ue.keys.UeKeyState;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * One {@link UeKeyState} as bytes (version 3), key material included: the caller wraps the result under the KEK
 * at once and wipes it. Map entries are written in no particular order; reading rebuilds equal maps.
 *
 * <p>Version 2 adds each MSK's SRTP policy and SRTP-ID map entry ({@link StoredMsk#srtpPolicy()},
 * {@link StoredMsk#srtpCs()}) after its MTK replay state. Version 3 adds each MTK's CSB ID ({@link StoredMtk#csbId()},
 * which its download keys are derived with) after its counter. Versions 1 and 2, written before, are still read: their
 * MSKs come back without what was added later, and their MTKs without a CSB ID, so the download keys of those MTKs
 * cannot be derived; the next streaming MSK message and the next MTK give them again.
 */
final class UeKeyStateCodec {

    private static final int VERSION = 3;
    private static final int VERSION_WITHOUT_MTK_CSB_ID = 2;
    private static final int VERSION_WITHOUT_SRTP_POLICY = 1;

    private UeKeyStateCodec() {
    }

    static byte[] encode(UeKeyState s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(VERSION);
            out.writeBoolean(s.uicc().isPresent());
            if (s.uicc().isPresent()) {
                out.writeUTF(s.uicc().get().value());
            }
            writeGbaKeys(out, s.currentMuks().values());
            writeGbaKeys(out, s.lastUsedMuks().values());
            writeGbaKeys(out, s.mrks().values());
            out.writeInt(s.mukCounters().size());
            for (var e : s.mukCounters().entrySet()) {
                writeMukId(out, e.getKey());
                out.writeLong(e.getValue().value());
            }
            out.writeInt(s.mukGenerations().size());
            for (var e : s.mukGenerations().entrySet()) {
                writeMukId(out, e.getKey());
                out.writeLong(e.getValue());
            }
            out.writeLong(s.lastMukGeneration());
            out.writeInt(s.msks().size());
            for (StoredMsk m : s.msks().values()) {
                out.writeUTF(m.ref().toString());
                writeBytes(out, m.key().unsafeArray());
                out.writeInt(m.validity().seqLow().value());
                out.writeInt(m.validity().seqHigh().value());
                writeBytes(out, m.rand().toByteArray());
                out.writeUTF(m.serviceType().name());
                writeMukId(out, m.protectedBy());
                out.writeLong(m.mukGeneration());
                out.writeLong(m.lastCounter().value());
                out.writeBoolean(m.currentMtkId().isPresent());
                if (m.currentMtkId().isPresent()) {
                    out.writeInt(m.currentMtkId().get().value());
                    out.writeLong(m.mtkCounter().orElseThrow().value());
                }
                writeSrtpPolicy(out, m.srtpPolicy());
                writeSrtpCs(out, m.srtpCs());
            }
            out.writeInt(s.mtks().size());
            for (StoredMtk t : s.mtks()) {
                out.writeUTF(t.msk().toString());
                out.writeInt(t.mtkId().value());
                out.writeLong(t.counter().value());
                out.writeBoolean(t.csbId().isPresent());
                if (t.csbId().isPresent()) {
                    out.writeInt(t.csbId().get().value());
                }
                writeBytes(out, t.key().unsafeArray());
                out.writeBoolean(t.salt().isPresent());
                if (t.salt().isPresent()) {
                    writeBytes(out, t.salt().get().unsafeArray());
                }
            }
            out.writeInt(s.invalidatedMsks().size());
            for (MskRef ref : s.invalidatedMsks()) {
                out.writeUTF(ref.toString());
            }
            out.writeInt(s.retiredMukCounters().size());
            for (var e : s.retiredMukCounters().entrySet()) {
                writeMukId(out, e.getKey());
                writeBytes(out, e.getValue().muk().value().toByteArray());
                out.writeLong(e.getValue().counter().value());
            }
            out.writeInt(s.retiredMtkStates().size());
            for (var e : s.retiredMtkStates().entrySet()) {
                out.writeUTF(e.getKey().toString());
                writeBytes(out, e.getValue().msk().value().toByteArray());
                out.writeInt(e.getValue().currentMtkId().value());
                out.writeLong(e.getValue().mtkCounter().value());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static UeKeyState decode(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int version = in.readInt();
            if (version < VERSION_WITHOUT_SRTP_POLICY || version > VERSION) {
                throw new StorageException("the stored UE key state is in a version " + version + " form; this "
                        + "release reads versions " + VERSION_WITHOUT_SRTP_POLICY + " to " + VERSION);
            }
            Optional<UiccId> uicc = in.readBoolean() ? Optional.of(UiccId.of(in.readUTF())) : Optional.empty();
            Map<Bytes, StoredGbaKey> currentMuks = readGbaKeys(in);
            Map<Bytes, StoredGbaKey> lastUsedMuks = readGbaKeys(in);
            Map<Bytes, StoredGbaKey> mrks = readGbaKeys(in);
            Map<MukId, TimestampCounter> mukCounters = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                mukCounters.put(readMukId(in), TimestampCounter.of(in.readLong()));
            }
            Map<MukId, Long> mukGenerations = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                mukGenerations.put(readMukId(in), in.readLong());
            }
            long lastMukGeneration = in.readLong();
            Map<MskRef, StoredMsk> msks = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                MskRef ref = MskRef.parse(in.readUTF());
                SecretBytes key = SecretBytes.wrap(readBytes(in));
                KeyValidity validity = KeyValidity.of(in.readInt(), in.readInt());
                Bytes rand = Bytes.wrap(readBytes(in));
                ServiceType type = ServiceType.valueOf(in.readUTF());
                MukId protectedBy = readMukId(in);
                long generation = in.readLong();
                TimestampCounter last = TimestampCounter.of(in.readLong());
                Optional<MtkId> mtkId = Optional.empty();
                Optional<TimestampCounter> mtkCounter = Optional.empty();
                if (in.readBoolean()) {
                    mtkId = Optional.of(MtkId.of(in.readInt()));
                    mtkCounter = Optional.of(TimestampCounter.of(in.readLong()));
                }
                boolean withPolicy = version > VERSION_WITHOUT_SRTP_POLICY;
                Optional<SecurityPolicyPayload> policy = withPolicy ? readSrtpPolicy(in) : Optional.empty();
                Optional<SrtpCsEntry> cs = withPolicy ? readSrtpCs(in) : Optional.empty();
                msks.put(ref, new StoredMsk(ref, key, validity, rand, type, protectedBy, generation, last, mtkId,
                        mtkCounter, policy, cs));
            }
            List<StoredMtk> mtks = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                MskRef msk = MskRef.parse(in.readUTF());
                MtkId id = MtkId.of(in.readInt());
                TimestampCounter counter = TimestampCounter.of(in.readLong());
                Optional<CsbId> csbId = version > VERSION_WITHOUT_MTK_CSB_ID && in.readBoolean()
                        ? Optional.of(CsbId.of(in.readInt())) : Optional.empty();
                SecretBytes key = SecretBytes.wrap(readBytes(in));
                Optional<SecretBytes> salt = in.readBoolean() ? Optional.of(SecretBytes.wrap(readBytes(in)))
                        : Optional.empty();
                mtks.add(new StoredMtk(msk, id, counter, csbId, key, salt));
            }
            Set<MskRef> invalidated = new HashSet<>();
            for (int i = in.readInt(); i > 0; i--) {
                invalidated.add(MskRef.parse(in.readUTF()));
            }
            Map<MukId, RetiredMukCounter> retiredMuk = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                MukId id = readMukId(in);
                retiredMuk.put(id, new RetiredMukCounter(new KeyFingerprint(Bytes.wrap(readBytes(in))),
                        TimestampCounter.of(in.readLong())));
            }
            Map<MskRef, RetiredMtkState> retiredMtk = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                MskRef ref = MskRef.parse(in.readUTF());
                retiredMtk.put(ref, new RetiredMtkState(new KeyFingerprint(Bytes.wrap(readBytes(in))),
                        MtkId.of(in.readInt()), TimestampCounter.of(in.readLong())));
            }
            return new UeKeyState(uicc, currentMuks, lastUsedMuks, mrks, mukCounters, mukGenerations,
                    lastMukGeneration, msks, mtks, invalidated, retiredMuk, retiredMtk);
        } catch (IOException e) {
            throw new StorageException("the stored UE key state is truncated or damaged", e);
        }
    }

    private static void writeGbaKeys(DataOutputStream out, java.util.Collection<StoredGbaKey> keys)
            throws IOException {
        out.writeInt(keys.size());
        for (StoredGbaKey k : keys) {
            writeMukId(out, k.id());
            writeBytes(out, k.key().unsafeArray());
        }
    }

    private static Map<Bytes, StoredGbaKey> readGbaKeys(DataInputStream in) throws IOException {
        Map<Bytes, StoredGbaKey> keys = new HashMap<>();
        for (int i = in.readInt(); i > 0; i--) {
            MukId id = readMukId(in);
            keys.put(id.idi(), new StoredGbaKey(id, SecretBytes.wrap(readBytes(in))));
        }
        return keys;
    }

    /** Present flag, Policy no, Prot type, then the parameters as count and Type, Value (RFC 3830 §6.10). */
    private static void writeSrtpPolicy(DataOutputStream out, Optional<SecurityPolicyPayload> policy) throws IOException {
        out.writeBoolean(policy.isPresent());
        if (policy.isPresent()) {
            SecurityPolicyPayload sp = policy.get();
            out.writeByte(sp.policyNo());
            out.writeByte(sp.protType().code());
            out.writeInt(sp.parameters().size());
            for (SpParameter p : sp.parameters()) {
                out.writeByte(p.type());
                writeBytes(out, p.value().toByteArray());
            }
        }
    }

    private static Optional<SecurityPolicyPayload> readSrtpPolicy(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        int policyNo = in.readUnsignedByte();
        ProtocolType protType = ProtocolType.of(in.readUnsignedByte());
        int count = in.readInt();
        if (count < 0 || count > 255) {
            throw new IOException("SP parameter count " + count + " out of range");
        }
        List<SpParameter> parameters = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            parameters.add(SpParameter.of(in.readUnsignedByte(), Bytes.wrap(readBytes(in))));
        }
        return Optional.of(new SecurityPolicyPayload(policyNo, protType, parameters));
    }

    /** Present flag, Policy_no, SSRC, ROC (RFC 3830 §6.1.1). */
    private static void writeSrtpCs(DataOutputStream out, Optional<SrtpCsEntry> cs) throws IOException {
        out.writeBoolean(cs.isPresent());
        if (cs.isPresent()) {
            out.writeByte(cs.get().policyNo());
            out.writeInt((int) cs.get().ssrc());
            out.writeInt((int) cs.get().roc());
        }
    }

    private static Optional<SrtpCsEntry> readSrtpCs(DataInputStream in) throws IOException {
        if (!in.readBoolean()) {
            return Optional.empty();
        }
        return Optional.of(new SrtpCsEntry(in.readUnsignedByte(), Integer.toUnsignedLong(in.readInt()),
                Integer.toUnsignedLong(in.readInt())));
    }

    private static void writeMukId(DataOutputStream out, MukId id) throws IOException {
        writeBytes(out, id.idi().toByteArray());
        writeBytes(out, id.idr().toByteArray());
    }

    private static MukId readMukId(DataInputStream in) throws IOException {
        return new MukId(Bytes.wrap(readBytes(in)), Bytes.wrap(readBytes(in)));
    }

    private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 20) {
            throw new IOException("length " + n + " out of range");
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }
}
