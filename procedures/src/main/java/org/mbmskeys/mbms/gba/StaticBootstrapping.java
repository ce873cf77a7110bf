package org.mbmskeys.mbms.gba;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.mbmskeys.engine.bytes.SecretBytes;

/**
 * The Zn side of bootstrappings made elsewhere, for labs and interop tests: a UE written by someone else
 * registers with this BM-SC knowing only its GBA keys. Each entry is either a whole bootstrapping (CK, IK,
 * RAND and IMPI: the NAF keys are derived per NAF as TS 33.220 Annex B says) or, when only the NAF key is
 * known, the IMPI and Ks_(ext)_NAF of one B-TID for this BM-SC (GBA_ME). Expiry is judged against the
 * injected clock. Thread-safe; entries may be added while the BM-SC runs.
 *
 * <pre>{@code
 * StaticBootstrapping zn = new StaticBootstrapping(clock);
 * zn.add(BootstrappingContext.fromAka(ck, ik, rand, impi, BTid.of(rand, "bsf.example.org"), expiresAt));
 * zn.addNafKey(BTid.parse("..."), impi, expiresAt, ksNaf);
 * }</pre>
 */
public final class StaticBootstrapping implements Bootstrapping {

    private sealed interface Entry permits Whole, NafKeyOnly {
        Instant expiresAt();
    }

    private record Whole(BootstrappingContext context) implements Entry {
        @Override
        public Instant expiresAt() {
            return context.expiresAt();
        }
    }

    private record NafKeyOnly(String impi, Instant expiresAt, SecretBytes ksNaf) implements Entry {
    }

    private final InstantSource clock;
    private final Map<BTid, Entry> entries = new ConcurrentHashMap<>();

    public StaticBootstrapping(InstantSource clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** A bootstrapping made with the UE elsewhere; replaces any entry of the same B-TID. */
    public void add(BootstrappingContext context) {
        entries.put(context.bTid(), new Whole(context));
    }

    /** The IMPI and Ks_(ext)_NAF of {@code bTid} for this BM-SC's NAF_Id; replaces any entry of the same B-TID. */
    public void addNafKey(BTid bTid, String impi, Instant expiresAt, SecretBytes ksNaf) {
        Impi.require(impi);
        if (ksNaf.length() != 32) {
            throw new IllegalArgumentException("Ks_NAF is 32 bytes (TS 33.220 Annex B); got " + ksNaf.length());
        }
        entries.put(Objects.requireNonNull(bTid, "bTid"),
                new NafKeyOnly(impi, Objects.requireNonNull(expiresAt, "expiresAt"), ksNaf.copy()));
    }

    /** How many B-TIDs it knows. */
    public int size() {
        return entries.size();
    }

    @Override
    public NafKeyLookup lookUp(BTid bTid, NafId nafId) {
        Objects.requireNonNull(nafId, "nafId");
        Entry entry = entries.get(Objects.requireNonNull(bTid, "bTid"));
        if (entry == null) {
            return new NafKeyLookup.UnknownBTid(bTid);
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            return new NafKeyLookup.Expired(bTid, entry.expiresAt());
        }
        if (entry instanceof Whole whole) {
            return new NafKeyLookup.Found(NafKeys.derive(whole.context(), nafId, GbaMode.GBA_ME));
        }
        NafKeyOnly only = (NafKeyOnly) entry;
        // A copy each time: the caller may destroy the key material it was given once it is done with it.
        return new NafKeyLookup.Found(NafKeyMaterial.gbaMe(nafId, bTid, only.impi(), only.expiresAt(),
                only.ksNaf().copy()));
    }

    @Override
    public String toString() {
        return "StaticBootstrapping[" + entries.size() + " B-TIDs]";
    }
}
