package org.mbmskeys.mbms.bmsc.distribution;

import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.keys.MukId;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.InboundMikey;
import org.mbmskeys.mbms.mikey.protection.MikeyOpener;
import org.mbmskeys.mbms.mikey.protection.MikeyReader;
import org.mbmskeys.mbms.mikey.protection.MikeySealer;
import org.mbmskeys.mbms.mikey.protection.MskMessage;
import org.mbmskeys.mbms.mikey.protection.MtkMessage;
import org.mbmskeys.mbms.mikey.protection.OpenResult;
import org.mbmskeys.mbms.mikey.protection.OpenedMsk;
import org.mbmskeys.mbms.mikey.protection.OpenedMtk;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.KeyOutcome;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.MskUpdate;
import org.mbmskeys.mbms.ue.keys.MukKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;

/**
 * A conforming UE as far as these tests need one (TS 33.246 §6.4.6, §6.5): its MGV-S with the MUK of its
 * B-TID, the reader and opener, and the verification message its MGV-F makes when the V bit is set.
 */
final class TestUe {

    final UeKeyStore store = UeKeyStore.inMemory();
    final MikeyOpener opener = new MikeyOpener(CryptoSuite.jca());
    final MikeySealer sealer = new MikeySealer(CryptoSuite.jca());
    OpenedMsk lastOpened;

    TestUe(MukId mukId, SecretBytes muk) {
        store.uiccInserted(UiccId.of("8949440000001234567"));
        store.installMuk(mukId, muk.copy());
    }

    /** What the UE did with one datagram: refused (why), or accepted with the ACK bytes if V was set. */
    record Outcome(Optional<String> refusal, Optional<MskUpdate> update, Optional<Bytes> ack) {
        static Outcome refused(String why) {
            return new Outcome(Optional.of(why), Optional.empty(), Optional.empty());
        }

        boolean accepted() {
            return refusal.isEmpty();
        }
    }

    /** §6.4.6.1: read, MUK and counter, MAC and decrypt, store; the verification message if V is set. */
    Outcome receiveMsk(Bytes wire) {
        OpenResult<InboundMikey> read = MikeyReader.read(wire);
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            return Outcome.refused(r.reason().name());
        }
        MskMessage message = (MskMessage) read.orElseThrow();
        MukId mukId = new MukId(message.idi().data(), message.idr().data());
        KeyOutcome<MukKey> muk = store.checkMskCounter(mukId, message.counter());
        if (!muk.isAccepted()) {
            return Outcome.refused(muk.rejection().orElseThrow().name());
        }
        SecretBytes key = muk.value().key();
        try {
            OpenResult<OpenedMsk> opened = opener.open(message, key);
            if (opened instanceof OpenResult.Rejected<OpenedMsk> r) {
                return Outcome.refused(r.reason().name());
            }
            OpenedMsk msk = opened.orElseThrow();
            lastOpened = msk;
            KeyOutcome<MskUpdate> applied = store.applyMsk(mukId, msk.counter(), msk.keyDomain(), msk.mskId(), msk.msk(),
                    msk.validity(), msk.rand(), msk.serviceType());
            msk.msk().ifPresent(SecretBytes::destroy);
            if (!applied.isAccepted()) {
                return Outcome.refused(applied.rejection().orElseThrow().name());
            }
            Optional<Bytes> ack = message.askForVerification() ? Optional.of(sealer.acknowledge(msk, key)) : Optional.empty();
            return new Outcome(Optional.empty(), Optional.of(applied.value()), ack);
        } finally {
            key.destroy();
        }
    }

    /** §6.4.6.2: read, MSK, counter and MTK ID, MAC and decrypt, store. */
    Optional<CurrentMtk> receiveMtk(Bytes wire, StringBuilder why) {
        OpenResult<InboundMikey> read = MikeyReader.read(wire);
        if (read instanceof OpenResult.Rejected<InboundMikey> r) {
            why.append(r.reason());
            return Optional.empty();
        }
        MtkMessage message = (MtkMessage) read.orElseThrow();
        KeyOutcome<MskKey> check = store.checkMtk(message.keyDomain(), message.mskId(), message.counter(), message.mtkId());
        if (!check.isAccepted()) {
            why.append(check.rejection().orElseThrow());
            return Optional.empty();
        }
        MskKey msk = check.value();
        OpenResult<OpenedMtk> opened;
        try {
            opened = opener.open(message, msk.key(), msk.rand(), msk.serviceType());
        } finally {
            msk.key().destroy();
        }
        if (opened instanceof OpenResult.Rejected<OpenedMtk> r) {
            why.append(r.reason());
            return Optional.empty();
        }
        OpenedMtk mtk = opened.orElseThrow();
        KeyOutcome<CurrentMtk> applied = store.applyMtk(mtk.keyDomain(), mtk.mskId(), mtk.counter(), mtk.mtkId(),
                mtk.message().csbId(), mtk.mtk(), mtk.salt());
        mtk.mtk().destroy();
        mtk.salt().ifPresent(SecretBytes::destroy);
        if (!applied.isAccepted()) {
            why.append(applied.rejection().orElseThrow());
            return Optional.empty();
        }
        return Optional.of(applied.value());
    }
}
