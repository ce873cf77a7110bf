package org.mbmskeys.mbms.ue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.traffic.DcfKeyId;
import org.mbmskeys.mbms.traffic.DcfKeys;
import org.mbmskeys.mbms.traffic.SrtpMki;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UeCapabilities;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.MskKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.MikeyDatagram;
import org.mbmskeys.mbms.ue.registration.ServiceRegistration;

/**
 * One UE (TS 33.246: the ME with its MGV-F and MGV-S): what an integrator calls. Each operation becomes a
 * signal to the UE's {@code ue.service} procedure, which starts registrations and deregistrations; MIKEY
 * datagrams go to its {@code ue.mikey-reception}. What happens is told to the listeners as
 * {@link org.mbmskeys.mbms.ue.procedure.UeOutcome}s. Calls return at once; the work is done on the engine.
 *
 * <pre>{@code
 * Ue alice = Ue.builder(UeProfile.usim("alice", uicc, ub))
 *         .transport(network.node("alice")).httpCodec(HttpWire.codec())
 *         .scheduler(time).deterministic()
 *         .listener(outcomes::add)
 *         .build();
 * alice.announce(description);
 * alice.powerOn();
 * alice.use("urn:3gpp:mbms:news");              // registration, then MSKs by MIKEY
 * alice.currentMtk("urn:3gpp:mbms:news", "video");
 * }</pre>
 */
public final class Ue {

    /** The media type of an MTK object in a download session: "the IANA-registered type for MIKEY" (§6.3.3.2.1). */
    public static final String MIKEY_MEDIA_TYPE = "application/mikey";

    private final String name;
    private final UeNode node;
    private final Engine engine;
    private final UeHost host;

    Ue(String name, UeNode node, Engine engine, UeHost host) {
        this.name = name;
        this.node = node;
        this.engine = engine;
        this.host = host;
    }

    /** A builder for a UE on an engine of its own (a handset); {@link UeHost} hosts many. */
    public static Builder builder(UeProfile profile) {
        return new Builder(profile);
    }

    public String name() {
        return name;
    }

    /** What the UE's card allows for MBMS key management (TS 33.246 §6.3.2.1A), from its profile. */
    public UeCapabilities capabilities() {
        return node.capabilities();
    }

    /** The host (and engine) this UE runs on. */
    public UeHost host() {
        return host;
    }

    /**
     * A User Service Description the UE read (TS 33.246 §6.3.2.1A): what {@link #use} registers to. A newer one of
     * the same service replaces it.
     */
    public void announce(UserServiceDescription description) {
        node.announce(Objects.requireNonNull(description, "description"));
    }

    /** Power-on: the registrations of the services the user did not leave are made again (§6.3.2.1A). */
    public void powerOn() {
        engine.signal(UeHost.SERVICE, name, "powerOn");
    }

    /** Power-down: every ongoing service is deregistered (§6.3.2.1B). */
    public void powerDown() {
        engine.signal(UeHost.SERVICE, name, "powerDown");
    }

    /**
     * The user wants {@code serviceId} (announced before): GBA if needed, then registration (§6.3.2.1A). A choice of
     * a powered-on UE: while powered down the signal is refused (engine listeners see it rejected) and nothing is kept.
     */
    public void use(String serviceId) {
        engine.signal(UeHost.SERVICE, name, "use", Objects.requireNonNull(serviceId, "serviceId"));
    }

    /**
     * The user no longer wants {@code serviceId}: it is deregistered and stays off at power-on (§6.3.2.1B). Like
     * {@link #use}, taken only while powered on.
     */
    public void leave(String serviceId) {
        engine.signal(UeHost.SERVICE, name, "leave", Objects.requireNonNull(serviceId, "serviceId"));
    }

    /**
     * The application needs these MSKs now (Key Number 0: the current MSK of the group): a Basic MSK request
     * to {@code bmsc} (§6.3.2.2.1), after the announced back-off, with GBA first when the keys are missing or
     * expired. Per-MSK answers come as {@link org.mbmskeys.mbms.ue.procedure.UeOutcome.MskRequestAnswered}, the
     * MSKs by MIKEY. One request per set of Key Groups at a time: a second one while it runs is rejected by the
     * engine ({@code ALREADY_RUNNING}).
     */
    public void requestMsks(String bmsc, List<MskRef> msks) {
        Objects.requireNonNull(bmsc, "bmsc");
        if (Objects.requireNonNull(msks, "msks").isEmpty()) {
            throw new IllegalArgumentException("an MSK request names at least one MSK (TS 33.246 §6.3.2.2.1)");
        }
        StringBuilder key = new StringBuilder(name).append("/msk");
        for (MskRef msk : msks) {
            key.append('/').append(msk.keyDomain()).append('/').append(msk.keyGroup());
        }
        engine.start(UeHost.MSK_REQUEST, key.toString(), Map.of("ue", name, "bmsc", bmsc, "msks", List.copyOf(msks),
                "reason", MskRequestReason.MSK_NEEDED));
    }

    /** The network released the PDP context / PDN connection of key management: register again (§6.3.2.1A). */
    public void connectionLost() {
        engine.signal(UeHost.SERVICE, name, "connectionLost");
    }

    /** Another UICC (or SIM) was inserted: every MBMS key is deleted (§6.1). */
    public void uiccChanged(UiccId uicc) {
        engine.signal(UeHost.SERVICE, name, "uiccChanged", Objects.requireNonNull(uicc, "uicc"));
    }

    /**
     * Runs GBA over Ub now, as the device may at any time for another application (TS 33.220), and answers how it
     * went: on success a new B-TID and Ks, and a new MUK for every BM-SC in use; the previous MUK stays as the last
     * successfully used one if an MSK message verified with it (§6.1). A BM-SC learns the new B-TID from the UE's
     * next key management request; a push it protects with the previous MUK until then is answered with an MSK
     * request, not a verification message (§6.3.2.3.1). Runs on the calling thread; nothing is sent to a BM-SC.
     */
    public BootstrapResult bootstrapNow() {
        return node.bootstrap();
    }

    /**
     * An object the UE's download client received in a FLUTE session (TS 33.246 §6.3.3.2.1): an MTK message sent
     * "as a separate object" next to the file it protects, with "the IANA-registered type for MIKEY"
     * ({@value #MIKEY_MEDIA_TYPE}). It is received like an MTK message over UDP (§6.4.6.2, §6.5.4), by the UE's
     * {@code ue.mikey-reception}: stored and reported as {@code MtkReceived}, or discarded and reported with the
     * reason; an MTK under an MSK the UE lacks starts an MSK request (§6.3.2.2.3). Only an MTK message is taken
     * this way (anything else is discarded as {@code UNEXPECTED_MESSAGE}), and nothing is ever sent back. Then
     * {@link #dcfKeys} gives the keys that decrypt and check the file. Runs when the engine gets to it ({@code settle} in
     * virtual time).
     *
     * @param mediaType the object's Content-Type from the FDT; parameters are ignored
     * @throws IllegalArgumentException if the media type is not {@value #MIKEY_MEDIA_TYPE} or the object is empty
     */
    public void receiveMikeyObject(String mediaType, Bytes content) {
        String type = Objects.requireNonNull(mediaType, "mediaType").split(";", 2)[0].strip();
        if (!type.equalsIgnoreCase(MIKEY_MEDIA_TYPE)) {
            throw new IllegalArgumentException("an MTK object is of type " + MIKEY_MEDIA_TYPE + " (TS 33.246 §6.3.3.2.1), "
                    + "not '" + mediaType + "'; hand the UE only the MIKEY objects of a download session");
        }
        if (Objects.requireNonNull(content, "content").isEmpty()) {
            throw new IllegalArgumentException("an empty " + MIKEY_MEDIA_TYPE + " object carries no MTK message");
        }
        engine.send(UeHost.RECEPTION, name, MikeyDatagram.downloadObject(name, content));
    }

    /** Every service the user wanted, with where its registration stands. */
    public List<ServiceRegistration> registrations() {
        return node.registrations();
    }

    /** The registration of one service, if the user ever wanted it. */
    public Optional<ServiceRegistration> registration(String serviceId) {
        return registrations().stream().filter(r -> r.serviceId().equals(serviceId)).findFirst();
    }

    /**
     * The MSKs held for the Key Groups of an announced service; copies that the caller destroys
     * ({@code key().destroy()}).
     */
    public List<MskKey> msks(String serviceId) {
        Optional<ServiceProtection> protection = node.announcement(serviceId).flatMap(UserServiceDescription::protection);
        List<MskKey> out = new ArrayList<>();
        for (MskKey msk : node.store().msks()) {
            if (protection.isPresent() && protection.get().usesKeyGroup(msk.ref())) {
                out.add(msk);
            } else {
                msk.key().destroy();
            }
        }
        return out;
    }

    /**
     * The newest MTK held for a session (RTP session or FLUTE channel) of an announced service: the key that
     * decrypts its traffic now (TS 33.246 §6.5.4). A copy the caller destroys.
     */
    public Optional<CurrentMtk> currentMtk(String serviceId, String sessionId) {
        Optional<MskRef> msk = node.announcement(serviceId).flatMap(UserServiceDescription::protection)
                .flatMap(p -> p.mskFor(sessionId));
        if (msk.isEmpty()) {
            return Optional.empty();
        }
        // The store's list is newest first, by acceptance. Not the highest MTK ID: each MSK numbers its MTKs from its
        // own SEQl, so after a rotation the new MSK's first MTK may have a lower ID than the old MSK's last one.
        List<CurrentMtk> mtks = node.store().mtks(msk.get().keyDomain(), msk.get().keyGroup());
        for (int i = 1; i < mtks.size(); i++) {
            destroy(mtks.get(i));
        }
        return mtks.isEmpty() ? Optional.empty() : Optional.of(mtks.get(0));
    }

    /**
     * The MTK that an SRTP or SRTCP packet of a streaming session names by its MKI (TS 33.246 §6.6.2.2: "If the SRTP
     * module does not have the MTK, it will request the MTK corresponding to the MKI from the key management
     * module"): the master key, salt and SRTP policy of one of the two MTKs the UE keeps for the session (§6.5.4),
     * the older one too while the sender switches. The MKI is MSK ID ‖ MTK ID (§6.6.2.1); the Key Domain is the one the
     * announcement maps the session to (§6.6.2.1 NOTE 1). A copy the caller destroys. A query only: when the UE lacks
     * the MSK the MKI names, the MTK message under it already started the missed key update (§6.3.2.2.3), and an
     * application that wants it sooner asks with {@link #requestMsks} ("it should fetch the MSK", §6.6.2.2).
     *
     * @param mki the 6 MKI bytes of the packet
     * @return the MTK, or empty if the announcement maps no such session, the MKI names another Key Group than the
     *         session's, or the UE does not hold that MTK (the SRTP module then waits for the next MTK message, §6.6.2.2)
     * @throws IllegalArgumentException if {@code mki} is not 6 bytes
     */
    public Optional<CurrentMtk> srtpMtk(String serviceId, String sessionId, Bytes mki) {
        SrtpMki named = SrtpMki.fromBytes(mki);
        Optional<MskRef> session = node.announcement(serviceId).flatMap(UserServiceDescription::protection)
                .flatMap(p -> p.mskFor(sessionId));
        if (session.isEmpty() || !named.mskId().keyGroup().equals(session.get().keyGroup())) {
            return Optional.empty();
        }
        return node.store().mtk(session.get().keyDomain(), named.mskId(), named.mtkId());
    }

    /**
     * The keys to decrypt and check a file of a download session with (OMA DRM V2.0 DCF, TS 33.246 §6.6.3.2): the
     * encryption and authentication keys derived from the MTK that the file's KeyID names ({@code keyId}, as the
     * {@code obki} box of its DCF gives it: base64 of Key Domain ID ‖ MSK ID ‖ MTK ID), as §6.5.4 asks: "The derived
     * authentication and encryption keys shall be provided to the download protection protocol". The MTK arrives as the
     * {@code application/mikey} object of the file ({@link #receiveMikeyObject}). Copies the caller destroys.
     *
     * @return the keys, or empty if the UE does not hold that MTK (its object was not received or not accepted, or two
     *         newer MTKs of the session replaced it, §6.5.4) or it is not a download MTK
     * @throws IllegalArgumentException if {@code keyId} is not an MBMS KeyID (base64 of 9 bytes)
     */
    public Optional<DcfKeys> dcfKeys(String keyId) {
        return node.store().dcfKeys(DcfKeyId.parse(keyId), node.suite());
    }

    private static void destroy(CurrentMtk m) {
        m.key().destroy();
        m.salt().ifPresent(SecretBytes::destroy);
    }

    /** The UE's key store (MGV-S): for inspection and tests. */
    public UeKeyStore keyStore() {
        return node.store();
    }

    @Override
    public String toString() {
        return "Ue[" + name + "]";
    }

    /** Builds a UE on an engine of its own; see {@link UeSettings} for the settings. */
    public static final class Builder extends UeSettings<Builder> {

        private final UeProfile profile;

        private Builder(UeProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
        }

        /** Builds the engine and starts the UE's procedures; the UE is off until {@link Ue#powerOn()}. */
        public Ue build() {
            if (transport == null) {
                throw new IllegalStateException("a UE engine needs a transport for MIKEY and key management: "
                        + "builder.transport(...) (network.hosts() on the memory network)");
            }
            UeHost.Builder hostBuilder = UeHost.builder();
            copyTo(hostBuilder);
            return hostBuilder.build().add(profile, transport);
        }

        private void copyTo(UeHost.Builder b) {
            b.scheduler = scheduler;
            b.random = random;
            b.clock = clock;
            b.backend = backend;
            b.lanes = lanes;
            b.deterministic = deterministic;
            b.ownTransportsOnly = true;   // the UE's transport is its own: the host shares none
            b.codec = codec;
            b.scripts = scripts;
            b.outcomeListeners.addAll(outcomeListeners);
            b.engineListeners.addAll(engineListeners);
            b.keyManagementPort = keyManagementPort;
            b.mikeyPort = mikeyPort;
            b.suite = suite;
            b.userAgent = userAgent;
            b.keyStores = keyStores;
        }
    }
}
