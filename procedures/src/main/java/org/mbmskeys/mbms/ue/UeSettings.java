package org.mbmskeys.mbms.ue;

import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Function;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.keymanagement.GbaUserAgent;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;

/**
 * The settings of a UE engine, shared by {@link UeHost.Builder} (many UEs) and {@link Ue.Builder} (one).
 * Required: a transport and the HTTP codec. Everything else has a default: the system scheduler and clock,
 * secure random bytes, the JCA crypto, in-memory key stores, the native backend, the shipped scripts.
 *
 * @param <B> the concrete builder
 */
public abstract class UeSettings<B extends UeSettings<B>> {

    Scheduler scheduler;
    RandomBytes random;
    InstantSource clock;
    String backend;
    int lanes;
    boolean deterministic;
    Transport transport;
    HttpCodec codec;
    Optional<Path> scripts = Optional.empty();
    final List<Consumer<UeOutcome>> outcomeListeners = new ArrayList<>();
    final List<ProcedureListener> engineListeners = new ArrayList<>();
    int keyManagementPort = 80;
    OptionalInt mikeyPort = OptionalInt.empty();
    CryptoSuite suite;
    String userAgent = GbaUserAgent.with("MBMSAgent; mbms-keys");
    Function<String, UeKeyStore> keyStores = name -> UeKeyStore.inMemory();

    UeSettings() {
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Timers and deliveries (a {@code ManualScheduler} in tests); its {@code now()} is the clock unless one is given. */
    public B scheduler(Scheduler value) {
        this.scheduler = Objects.requireNonNull(value, "scheduler");
        return self();
    }

    /** Random bytes: Digest cnonces, the BM-SC choice, the MSK request back-off, retry jitter. */
    public B random(RandomBytes value) {
        this.random = Objects.requireNonNull(value, "random");
        return self();
    }

    /** Time for GBA key lifetimes, MUK expiry and Retry-After dates. */
    public B clock(InstantSource value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return self();
    }

    /** The engine backend, {@code native} (default) or {@code spring}. */
    public B backend(String name) {
        this.backend = Objects.requireNonNull(name, "backend");
        return self();
    }

    /** Lanes of the engine (default: processors). */
    public B lanes(int count) {
        this.lanes = count;
        return self();
    }

    /** Everything on the calling thread (tests, simulations on virtual time). */
    public B deterministic() {
        this.deterministic = true;
        return self();
    }

    /**
     * The transport of MIKEY datagrams (UDP port 2269) and key management requests (envelopes with a reply
     * handle carrying HTTP/1.1 bytes), for every UE that has none of its own ({@link UeHost#add(UeProfile,
     * Transport)}). An inbound datagram goes to the UE its destination host names; a transport that hosts many
     * UEs cannot tell which of them received a multicast datagram, so MTK messages need per-UE transports.
     */
    public B transport(Transport value) {
        this.transport = Objects.requireNonNull(value, "transport");
        return self();
    }

    /** How HTTP messages become bytes and back ({@code HttpWire.codec()} of the HTTP adapter). */
    public B httpCodec(HttpCodec value) {
        this.codec = Objects.requireNonNull(value, "httpCodec");
        return self();
    }

    /** A folder of scripts that replace shipped ones of the same procedure name ({@link UeProcedures}). */
    public B scripts(Path folder) {
        this.scripts = Optional.of(folder);
        return self();
    }

    /** Told every {@link UeOutcome} the UE procedures emit (on a lane: must not block). */
    public B listener(Consumer<UeOutcome> listener) {
        outcomeListeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /** An engine listener: every step, rejection and failure of the UE procedures. */
    public B engineListener(ProcedureListener listener) {
        engineListeners.add(Objects.requireNonNull(listener, "listener"));
        return self();
    }

    /** The TCP port of the BM-SCs' key management (HTTP {@code Host} header and destination); default 80. */
    public B keyManagementPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("key management port must be 1..65535, got " + port);
        }
        this.keyManagementPort = port;
        return self();
    }

    /**
     * The UDP port the UE takes MIKEY on, stated in its registrations (the project's {@code mikeyport} parameter,
     * {@link org.mbmskeys.mbms.keymanagement.MikeyPortParameter}). Default: none stated, and the BM-SC sends MIKEY
     * to port 2269 (TS 33.246 §6.3.1). On a {@link UeHost}, for the UEs added without a port of their own.
     */
    public B mikeyPort(int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a MIKEY port must be 1..65535, got " + port);
        }
        this.mikeyPort = OptionalInt.of(port);
        return self();
    }

    /** The MIKEY crypto (default {@code CryptoSuite.jca()}). */
    public B cryptoSuite(CryptoSuite value) {
        this.suite = Objects.requireNonNull(value, "cryptoSuite");
        return self();
    }

    /** The User-Agent product; {@code 3gpp-gba} is added (Annex H step 1). */
    public B userAgent(String product) {
        this.userAgent = GbaUserAgent.with(product);
        return self();
    }

    /** The key store of each UE by name (default: in memory). */
    public B keyStores(Function<String, UeKeyStore> factory) {
        this.keyStores = Objects.requireNonNull(factory, "keyStores");
        return self();
    }
}
