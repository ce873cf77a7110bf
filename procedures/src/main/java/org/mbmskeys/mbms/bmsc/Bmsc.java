package org.mbmskeys.mbms.bmsc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.dsl.ReloadResult;
import org.mbmskeys.engine.runtime.Engine;
import org.mbmskeys.engine.runtime.EngineBuilder;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.engine.spi.HttpCodec;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.engine.spi.InstanceStore;
import org.mbmskeys.engine.spi.ProcedureListener;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.engine.spi.Scheduler;
import org.mbmskeys.engine.spi.Transport;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecordStorage;
import org.mbmskeys.mbms.bmsc.distribution.KeyDistribution;
import org.mbmskeys.mbms.bmsc.distribution.MtkStep;
import org.mbmskeys.mbms.bmsc.distribution.MtkStream;
import org.mbmskeys.mbms.bmsc.distribution.PreparedMtk;
import org.mbmskeys.mbms.bmsc.distribution.StreamingSessions;
import org.mbmskeys.mbms.bmsc.distribution.UeKeys;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyManagementAdmission;
import org.mbmskeys.mbms.bmsc.keymanagement.KeyRequestFunction;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistry;
import org.mbmskeys.mbms.bmsc.keys.KeyRegistryStorage;
import org.mbmskeys.mbms.bmsc.procedure.BmscContract;
import org.mbmskeys.mbms.bmsc.procedure.KeyDelivery;
import org.mbmskeys.mbms.bmsc.procedure.KeyRequests;
import org.mbmskeys.mbms.bmsc.procedure.MtkDelivery;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.registrations.RegistrationStorage;
import org.mbmskeys.mbms.bmsc.registrations.Registrations;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServiceStorage;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.DigestVerifier;
import org.mbmskeys.mbms.digest.NonceCounts;
import org.mbmskeys.mbms.gba.Bootstrapping;
import org.mbmskeys.mbms.gba.NafId;
import org.mbmskeys.mbms.keys.KeyMaterialSource;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.mikey.SrtpCsEntry;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.mikey.protection.StreamingSession;
import org.mbmskeys.mbms.roles.RoleContract;
import org.mbmskeys.mbms.traffic.DcfKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A BM-SC: the Key Request, Key Distribution and Membership functions of TS 33.246 running their
 * procedure scripts ({@code procedures/bmsc/*.groovy}) on one engine. An integrator defines user services,
 * rotates MSKs, runs MTK delivery for sessions and asks about registrations and deliveries; UEs reach it
 * over the transport (HTTP key management requests, MIKEY verification messages).
 *
 * <pre>{@code
 * Bmsc bmsc = Bmsc.builder("bmsc.example.org")
 *         .bootstrapping(bsf)                      // the BSF's Zn side
 *         .transport(node).httpCodec(codec)        // MIKEY datagrams and HTTP requests, one address
 *         .scheduler(scheduler).build();
 * KeyGroupRef news = KeyGroupRef.of(KeyDomainId.parse("001-01"), KeyGroup.of(0x0101));
 * bmsc.defineService("news", ServiceType.STREAMING, news);
 * bmsc.rotate(news);                               // every registered UE gets the new MSK pushed
 * }</pre>
 */
public final class Bmsc implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Bmsc.class);

    /** The procedure names of the BM-SC's scripts. */
    public static final String REGISTRATION = "bmsc.registration";
    public static final String DEREGISTRATION = "bmsc.deregistration";
    public static final String MSK_REQUEST = "bmsc.msk-request";
    public static final String MSK_PUSH = "bmsc.msk-push";
    public static final String SOLICITED_PULL = "bmsc.solicited-pull";
    public static final String MTK_DELIVERY = "bmsc.mtk-delivery";

    /** A new MSK's default key validity: every MTK ID but the maximum, which is never used (§6.4.5.1). */
    public static final KeyValidity DEFAULT_VALIDITY = KeyValidity.of(0, 0xFFFE);

    /** How a rotated MSK reaches the registered UEs. */
    public enum Rekeying {
        /** an MSK push with the V bit (§6.3.2.3.1) */
        PUSH,
        /** a solicited pull, then the UE's MSK request (§6.3.2.2.4) */
        SOLICITED_PULL,
        /**
         * nothing at the rotation: each UE asks with an MSK request when an MTK message names the MSK it lacks
         * (§6.3.2.2.3 missed key update)
         */
        ON_REQUEST
    }

    private final String fqdn;
    private final Engine engine;
    private final ProcedureRepository procedures;
    private final KeyRegistry registry;
    private final UserServices services;
    private final Registrations registrations;
    private final DeliveryRecordStorage deliveries;
    private final BmscKeyDelivery delivery;
    private final Map<String, MtkStream> sessions;
    private final Map<String, MtkStream> downloadSessions = new ConcurrentHashMap<>();
    private final Map<KeyGroupRef, StreamingSession> streamingPolicies;
    private final RandomBytes random;
    private final CryptoSuite suite;
    private volatile Rekeying rekeying;
    private final RekeyWindow window;
    private final UeKeys ueKeys;
    private final KeyManagementAdmission admission;
    private final UserServiceStorage serviceStorage;

    private Bmsc(Builder b) {
        this.fqdn = b.fqdn;
        this.random = b.random;
        this.suite = b.suite;
        this.rekeying = b.rekeying;
        this.registry = KeyRegistry.create(b.keyStorage, b.keyMaterial);
        this.services = new UserServices();
        this.serviceStorage = b.serviceStorage;
        serviceStorage.all().forEach(this::adopt);   // what was defined before, here or on another node
        this.registrations = Registrations.create(b.registrationStorage, services, b.membership);
        this.deliveries = b.deliveryRecords;
        this.sessions = new ConcurrentHashMap<>();
        this.streamingPolicies = new ConcurrentHashMap<>();
        NafId nafId = NafId.forMbms(fqdn);
        UeKeys.Builder ueKeysBuilder = UeKeys.builder(b.bootstrapping, nafId, b.scheduler::now)
                .onRetired(KeyDistribution.retireCountersIn(registry));
        b.mukLifetime.ifPresent(ueKeysBuilder::mukLifetime);
        UeKeys ueKeys = ueKeysBuilder.build();
        this.ueKeys = ueKeys;
        this.admission = new KeyManagementAdmission(b.scheduler::now);
        KeyDistribution distribution = new KeyDistribution(registry, ueKeys,
                group -> Optional.ofNullable(streamingPolicies.get(group)), random, suite);
        Endpoint self = Endpoint.of(fqdn, b.mikeyPort);
        this.delivery = new BmscKeyDelivery(distribution, ueKeys, registry, registrations, deliveries, self,
                b.scheduler::now, sessions, b.trafficProtection);
        DigestRealm realm = DigestRealm.bootstrapping(fqdn);
        DigestVerifier.Builder digest = DigestVerifier.builder()
                .realms(realm)
                .serverSecret(b.digestSecret.orElseGet(() -> SecretBytes.wrap(random.next(32).toByteArray())))
                .credentials(new ZnDigestCredentials(b.bootstrapping, nafId, ueKeys, k -> k.mode().defaultKeyManagement()))
                .clock(b.scheduler::now)
                .random(random)
                .allowQopAuth(b.allowQopAuth);
        b.nonceCounts.ifPresent(digest::nonceCounts);
        DigestVerifier verifier = digest.build();
        KeyRequestFunction function = new KeyRequestFunction(verifier, realm);
        BmscKeyRequests requests = new BmscKeyRequests(function, b.codec, ueKeys, registrations, registry, delivery,
                b.scheduler::now);
        b.overrides.filter(folder -> !Files.isDirectory(folder)).ifPresent(folder -> LOG.warn("scripts folder {} is not "
                + "there: the shipped scripts run, and reloadScripts() reads the folder once it is", folder));
        this.procedures = b.overrides
                .map(folder -> ProcedureRepository.builder().classpath("procedures/bmsc", folder))
                .orElseGet(() -> ProcedureRepository.builder().classpath("procedures/bmsc"))
                .check(RoleContract.CLAUSE_AND_PURPOSE)
                .check(BmscContract.CONTRACT)
                .check(BmscContract.CONTRACT.onlyItsOwn("a script of the scripts folder replaces the shipped script of "
                        + "the same file name, which declares the procedure of that name (msk-push.groovy: bmsc.msk-push)"))
                .build();
        EngineBuilder engineBuilder = Engine.builder()
                .procedures(procedures)
                .scheduler(b.scheduler)
                .random(random)
                .backend(b.backend)
                .laneKey(BmscLanes::ueOf)
                .transport("mikey", b.transport)
                .route(new BmscRouting(function, b.codec, delivery, admission))
                .service(KeyRequests.class, requests)
                .service(KeyDelivery.class, delivery)
                .service(MtkDelivery.class, delivery);
        if (b.deterministic) {
            engineBuilder.deterministic();
        }
        if (b.lanes > 0) {
            engineBuilder.lanes(b.lanes);
        }
        b.instanceStore.ifPresent(engineBuilder::store);
        b.listeners.forEach(engineBuilder::listener);
        this.window = new RekeyWindow(b.rekeyWindow);
        engineBuilder.listener(window);
        this.engine = engineBuilder.build();
        window.bind(engine);
    }

    /** A BM-SC whose key management FQDN is {@code fqdn} (IDi of its MIKEY messages, the host of its Digest realm). */
    public static Builder builder(String fqdn) {
        return new Builder(fqdn);
    }

    // ------------------------------------------------------------------------------------ user services

    /**
     * Defines user service {@code serviceId} protected by the MSKs of {@code keyGroups}, or replaces its definition;
     * Key Groups not known yet are created with the service's type. The definition is stored
     * ({@link Builder#userServiceStorage}): a BM-SC built again on the same storage, or another node of its
     * database, offers the service too.
     *
     * @throws IllegalArgumentException if a Key Group exists with the other service type: its MSK messages say
     *                                  streaming or download (TS 33.246 §6.4.5.1), and its MTKs are SRTP master keys
     *                                  or download keys (§6.4.5.3), so one group cannot serve both
     */
    public void defineService(String serviceId, ServiceType type, KeyGroupRef... keyGroups) {
        UserService service = UserService.of(ServiceId.of(serviceId), type, keyGroups);
        for (KeyGroupRef group : service.keyGroups()) {
            registry.group(group.keyDomain(), group.keyGroup()).filter(g -> g.serviceType() != type).ifPresent(g -> {
                throw new IllegalArgumentException("Key Group " + group + " is a " + g.serviceType() + " Key Group, and "
                        + "service " + serviceId + " is " + type + ": a Key Group's MSKs and MTKs are of one kind "
                        + "(TS 33.246 §6.4.5.1, §6.4.5.3); give the service a Key Group of its own");
            });
        }
        adopt(service);
        serviceStorage.store(service);
    }

    /**
     * Reads the stored definitions again and offers what another node defined or changed since; answers how many
     * services were new or changed here. A BM-SC node of a shared database calls it now and then (the
     * {@code mbms-keys bmsc} process at each lease renewal).
     */
    public int reloadServices() {
        int changed = 0;
        for (UserService service : serviceStorage.all()) {
            if (adopt(service) != UserServices.Definition.UNCHANGED) {
                changed++;
            }
        }
        return changed;
    }

    /** Offers {@code service} here, creating its Key Groups where none exists yet. */
    private UserServices.Definition adopt(UserService service) {
        for (KeyGroupRef group : service.keyGroups()) {
            if (registry.group(group.keyDomain(), group.keyGroup()).isEmpty()) {
                registry.createGroup(group.keyDomain(), group.keyGroup(), service.serviceType());
            }
        }
        return services.define(service);
    }

    /** The user services defined. */
    public List<UserService> services() {
        return services.all();
    }

    // ------------------------------------------------------------------------------------ MSKs

    /** {@link #rotate(KeyGroupRef, KeyValidity)} with {@link #DEFAULT_VALIDITY}. */
    public MskRef rotate(KeyGroupRef group) {
        return rotate(group, DEFAULT_VALIDITY);
    }

    /**
     * Makes a new MSK the current one of {@code group} and re-keys every UE registered to a service that uses
     * the group: a push or a solicited pull each, as the builder's {@link Rekeying} says.
     */
    public MskRef rotate(KeyGroupRef group, KeyValidity validity) {
        if (registry.group(group.keyDomain(), group.keyGroup()).isEmpty()) {
            throw new IllegalArgumentException("no user service uses Key Group " + group + ": define one with "
                    + "defineService(serviceId, serviceType, group) before rotating its MSK");
        }
        MskRef msk = registry.rotate(group.keyDomain(), group.keyGroup(), validity).ref();
        Rekeying how = rekeying;
        if (how == Rekeying.ON_REQUEST) {
            return msk;
        }
        String mskText = msk.toString();   // once per rotation, not once per UE
        String groupText = group.toString();
        window.submit(map(new KeyGroupUes(registrations, group), how == Rekeying.PUSH
                ? ue -> push(ue, mskText, KeyDelivery.Kind.DELIVER)
                : ue -> new RekeyWindow.Start(SOLICITED_PULL, ue + "|" + groupText, Map.of("ue", ue, "group", groupText))));
        return msk;
    }

    /** How the next rotations reach the UEs; the builder's {@link Builder#rekeying} until changed. */
    public void rekeying(Rekeying how) {
        this.rekeying = Objects.requireNonNull(how, "how");
    }

    /**
     * Invalidates {@code msk} at the UE with IMPI {@code impi}: an MSK message without key whose key validity has
     * SEQl &gt; SEQu, with the V bit, pushed and resent like any push (§6.3.2.1B, §6.5.3). The UE then refuses every
     * MTK message under that MSK until the MSK is delivered again. The registry keeps the MSK.
     */
    public void invalidate(String impi, MskRef msk) {
        RekeyWindow.Start start = push(Objects.requireNonNull(impi, "impi"), Objects.requireNonNull(msk, "msk").toString(),
                KeyDelivery.Kind.INVALIDATE);
        engine.start(start.procedure(), start.key(), start.inputs());
    }

    /** Gives {@code msk} a new key validity and tells every UE of its Key Group (a push without key, §6.3.2.3.1). */
    public void updateValidity(MskRef msk, KeyValidity validity) {
        registry.updateValidity(msk, validity);
        String mskText = msk.toString();
        window.submit(map(new KeyGroupUes(registrations, KeyGroupRef.of(msk)), ue -> push(ue, mskText, KeyDelivery.Kind.VALIDITY)));
    }

    /**
     * At most {@code limit} UEs' pushes or solicited pulls of rotations and validity updates running at once from
     * now on; the next UE's starts when one ends ({@link Integer#MAX_VALUE}: all at once). The builder's
     * {@link Builder#rekeyWindow} until changed. A push to a UE that does not answer holds its place until the
     * push script gives up on it.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public void rekeyWindow(int limit) {
        window.limit(limit);
    }

    /** The current {@link #rekeyWindow(int)} limit. */
    public int rekeyWindow() {
        return window.limit();
    }

    /**
     * How many UEs' pushes or solicited pulls of rotations and validity updates have started and not ended yet
     * (acknowledged, given up or failed): a re-key's progress, and what the {@link #rekeyWindow(int)} limits.
     */
    public int rekeysInFlight() {
        return window.running();
    }

    /** Asks one UE to fetch the current MSK of {@code group} (§6.3.2.2.4). */
    public void solicitPull(String impi, KeyGroupRef group) {
        engine.start(SOLICITED_PULL, impi + "|" + group, Map.of("ue", impi, "group", group.toString()));
    }

    /** {@code msk} in its written form ({@link MskRef#toString()}), made once by the caller for all its UEs. */
    private static RekeyWindow.Start push(String ue, String msk, KeyDelivery.Kind kind) {
        return new RekeyWindow.Start(MSK_PUSH, ue + "|" + msk + "|" + kind, Map.of("ue", ue, "msk", msk, "kind", kind.name()));
    }

    private static Iterator<RekeyWindow.Start> map(Iterator<String> ues, Function<String, RekeyWindow.Start> start) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return ues.hasNext();
            }

            @Override
            public RekeyWindow.Start next() {
                return start.apply(ues.next());
            }
        };
    }

    // ------------------------------------------------------------------------------------ operation

    /**
     * Sets the BM-SC MUK lifetime while the BM-SC runs, counted from each MUK's derivation and never beyond its
     * Ks_NAF lifetime (§6.3.2.2.4); it applies to the MUKs held now too. Past it, an MSK push to the UE becomes a
     * solicited pull (which may still use that MUK, NOTE 1), and the UE's next HTTP POST is answered with a
     * Bootstrapping Renegotiation Request (401 with a fresh challenge): the UE runs GBA and asks again.
     *
     * @throws IllegalArgumentException if not positive
     */
    public void mukLifetime(Duration lifetime) {
        ueKeys.mukLifetime(Optional.of(Objects.requireNonNull(lifetime, "lifetime")));
    }

    /** Back to MUKs that live as long as their Ks_NAF. */
    public void mukLifetimeOfNafKeys() {
        ueKeys.mukLifetime(Optional.empty());
    }

    /** The BM-SC MUK lifetime in force; empty when MUKs live as long as their Ks_NAF. */
    public Optional<Duration> mukLifetime() {
        return ueKeys.mukLifetime();
    }

    /**
     * Declares the BM-SC overloaded until {@link #acceptKeyManagement()}: every key management request is answered
     * 503 with {@code Retry-After: retryAfter} before any work (table G.2.4-1), and the UE repeats it after that
     * delay. MIKEY (pushes, verification messages, MTK delivery) goes on.
     */
    public void overloaded(Duration retryAfter) {
        admission.overloaded(retryAfter);
    }

    /**
     * Declares the BM-SC overloaded for {@code period} from now (maintenance, say): 503 with the time left as
     * {@code Retry-After}, then requests are served again by themselves.
     */
    public void overloadedFor(Duration period) {
        admission.overloadedFor(period);
    }

    /** Ends an overload: key management requests are served again. */
    public void acceptKeyManagement() {
        admission.open();
    }

    /** The key management admission control: whether overloaded now, how many requests it refused. */
    public KeyManagementAdmission admission() {
        return admission;
    }

    // ------------------------------------------------------------------------------------ MTK delivery

    /**
     * Defines streaming session {@code session} of {@code group}: its MTK messages go to the RTP destination's
     * address on port 2269 (§6.3.3.2.2), and the group's MSK messages carry the policy's SRTP-ID map entry and
     * SP (§6.4.5.1). A streaming Key Group's MSKs are pushed only once its session is defined.
     */
    public void defineStreamingSession(String session, KeyGroupRef group, Endpoint rtpDestination, StreamingSession policy) {
        if (downloadSessions.containsKey(session)) {
            throw new IllegalArgumentException("'" + session + "' is a download session; a streaming session needs a name "
                    + "of its own");
        }
        streamingPolicies.put(group, policy);
        sessions.put(session, MtkStream.streaming(registry, group, MtkStream.mikeyDestinationFor(rtpDestination), random, suite));
    }

    /**
     * The SRTP sender's rollover counter for streaming session {@code session} now: the MSK messages of its Key Group
     * sealed from here on, resends included, carry it in their SRTP-ID map entry (RFC 3830 §6.1.1: ROC_i is the
     * "current rollover counter used in SRTP"), so a UE joining late starts from it. The SP stays
     * as defined (§6.4.5.1: not to be changed once the service has started). The SRTP sender (the media server) calls
     * this as its ROC advances, every 65,536 packets; RFC 4771 carries the ROC in band as well, every R packets.
     *
     * @throws IllegalArgumentException if there is no streaming session of that name, or {@code roc} is not 32 bits
     */
    public void srtpRolloverCounter(String session, long roc) {
        MtkStream stream = definedStream(session);
        streamingPolicies.computeIfPresent(stream.group(), (group, defined) -> new StreamingSession(
                new SrtpCsEntry(defined.srtpCs().policyNo(), defined.srtpCs().ssrc(), roc), defined.policy()));
    }

    /**
     * Defines download session {@code session} (a FLUTE channel) of the download Key Group {@code group}: its MTKs
     * travel as {@code application/mikey} objects next to the files they protect, asked for with
     * {@link #downloadMtk} (§6.3.3.2.1). Defining it again replaces it; the MTK IDs go on from the registry.
     *
     * @throws IllegalArgumentException if the group does not exist (define a service with it first), is not a
     *                                  download Key Group, or the name is taken by a streaming session
     */
    public void defineDownloadSession(String session, KeyGroupRef group) {
        Objects.requireNonNull(session, "session");
        if (session.isBlank()) {
            throw new IllegalArgumentException("a download session needs a name");
        }
        if (sessions.containsKey(session)) {
            throw new IllegalArgumentException("'" + session + "' is a streaming session; a download session needs a name "
                    + "of its own");
        }
        downloadSessions.put(session, MtkStream.download(registry, Objects.requireNonNull(group, "group"), random, suite));
    }

    /**
     * The MTK for {@code file} of download session {@code session}: the next MTK under the session's current MSK
     * (MTK IDs only go up, §6.3.3.1), sealed in an MTK message (Key data TGK, no salt, no V bit, §6.4.5.3) and given as
     * the {@code application/mikey} object that travels in the same FLUTE session as the file, as a separate object
     * (§6.3.3.2.1), with the OMA DRM DCF keys derived from that MTK (§6.5.4, §6.6.3.2): the caller protects the file
     * with them, destroys them, and sends both; the BM-SC sends nothing itself. Each call makes a new MTK: call it
     * once per file version.
     *
     * @return {@link DownloadMtk.Ready} with the object, or {@link DownloadMtk.NoMtk} (no current MSK, or its MTK IDs
     *         are used up) with nothing allocated
     * @throws IllegalArgumentException if no download session of that name is defined, or the file name is blank
     */
    public DownloadMtk downloadMtk(String session, String file) {
        MtkStream stream = downloadSessions.get(Objects.requireNonNull(session, "session"));
        if (stream == null) {
            throw new IllegalArgumentException("no download session '" + session + "'; define it with "
                    + "defineDownloadSession first; download sessions: " + downloadSessions.keySet());
        }
        if (Objects.requireNonNull(file, "file").isBlank()) {
            throw new IllegalArgumentException("name the file the MTK protects (its FDT Content-Location)");
        }
        DcfKeys[] keys = new DcfKeys[1];
        MtkStep step = stream.next(made -> keys[0] = (DcfKeys) made);
        if (step instanceof MtkStep.Next next) {
            return new DownloadMtk.Ready(next.message().asObject(file), next.message().msk(), next.message().mtkId(),
                    keys[0]);
        }
        return new DownloadMtk.NoMtk(step);
    }

    /**
     * Runs {@code record}, a procedure instance another BM-SC node started and can no longer run (its lease on its
     * instances lapsed, and this node's durable instance store handed the record over): a push is resent on its
     * schedule from here, a solicited pull asked again. See {@link org.mbmskeys.engine.runtime.Engine#takeOver}.
     */
    public void takeOver(InstanceRecord record) {
        engine.takeOver(record);
    }

    /**
     * Starts MTK delivery for a defined streaming session: the first MTK now, then as the script says.
     *
     * @throws IllegalArgumentException if no streaming session has that name
     * @throws IllegalStateException    if its Key Group has no MSK yet, which its MTK messages need ({@link #rotate})
     */
    public void startMtkDelivery(String session) {
        KeyGroupRef group = definedStream(session).group();
        if (registry.group(group.keyDomain(), group.keyGroup()).flatMap(KeyGroupRecord::current).isEmpty()) {
            throw new IllegalStateException("Key Group " + group + " of streaming session '" + session + "' has no MSK "
                    + "yet, and MTK messages are protected with one: rotate(" + group + ") first");
        }
        engine.start(MTK_DELIVERY, session, Map.of("session", session));
    }

    /**
     * Sends the next MTK of {@code session} ahead of the switch to it.
     *
     * @throws IllegalArgumentException if no streaming session has that name
     */
    public void nextMtk(String session) {
        definedStream(session);
        engine.signal(MTK_DELIVERY, session, "next", null);
    }

    /**
     * Stops MTK delivery for {@code session}; nothing happens if it is not running.
     *
     * @throws IllegalArgumentException if no streaming session has that name
     */
    public void stopMtkDelivery(String session) {
        definedStream(session);
        engine.signal(MTK_DELIVERY, session, "stop", null);
    }

    private MtkStream definedStream(String session) {
        MtkStream stream = sessions.get(Objects.requireNonNull(session, "session"));
        if (stream == null) {
            throw new IllegalArgumentException("no streaming session '" + session + "'; define it first "
                    + "(defineStreamingSession); sessions: " + sessions.keySet());
        }
        return stream;
    }

    // ------------------------------------------------------------------------------------ queries

    /** The registration of the UE with IMPI {@code impi}. */
    public Optional<Registration> registration(String impi) {
        return registrations.registration(impi);
    }

    /** The delivery records of a UE, oldest first: what an operator charges and supports with. */
    public List<DeliveryRecord> deliveries(String impi) {
        return deliveries(impi, Integer.MAX_VALUE);
    }

    /**
     * The newest {@code limit} delivery records of a UE, oldest first.
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public List<DeliveryRecord> deliveries(String impi, int limit) {
        return deliveries.byUe(Objects.requireNonNull(impi, "impi"), positive(limit));
    }

    /**
     * Up to {@code limit} IMPIs registered to user service {@code serviceId}, ascending, after {@code after} (from
     * the first if empty): one page of a service's registrations for an operator; the last IMPI of a page is the
     * {@code after} of the next.
     *
     * @throws IllegalArgumentException if {@code serviceId} is not a valid User Service ID or {@code limit} is below 1
     */
    public List<String> registeredTo(String serviceId, Optional<String> after, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a page holds at least 1 registration, got a limit of " + limit);
        }
        return registrations.uesOfService(ServiceId.of(serviceId), Objects.requireNonNull(after, "after"), limit);
    }

    /** How many UEs are registered. */
    public long registrationCount() {
        return registrations.count();
    }

    /** The delivery records of {@code msk} (by its Key Number), oldest first: who got this MSK, and how. */
    public List<DeliveryRecord> deliveries(MskRef msk) {
        return deliveries(msk, Integer.MAX_VALUE);
    }

    /**
     * The newest {@code limit} delivery records of {@code msk}, oldest first (a Key Group's MSK may have reached
     * millions of UEs).
     *
     * @throws IllegalArgumentException if {@code limit} is below 1
     */
    public List<DeliveryRecord> deliveries(MskRef msk, int limit) {
        return deliveries.byMsk(Objects.requireNonNull(msk, "msk"), positive(limit));
    }

    private static int positive(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("a limit of records is 1 or more, got " + limit);
        }
        return limit;
    }

    /**
     * The Key Groups of the key registry with their current and previous MSK IDs and service type, in Key
     * Domain and Key Group order. Names only: no key material.
     */
    public List<KeyGroupRecord> keyGroups() {
        List<KeyGroupRecord> groups = new ArrayList<>(registry.groups());
        groups.sort(Comparator.comparing((KeyGroupRecord g) -> g.keyDomain().toString())
                .thenComparingInt(g -> g.keyGroup().value()));
        return List.copyOf(groups);
    }

    /** The Key Group {@code group} as the key registry holds it; empty if no service defined it. */
    public Optional<KeyGroupRecord> keyGroup(KeyGroupRef group) {
        return registry.group(group.keyDomain(), group.keyGroup());
    }

    /** The streaming sessions defined with {@link #defineStreamingSession}, by name, with their Key Groups. */
    public SortedMap<String, KeyGroupRef> streamingSessions() {
        SortedMap<String, KeyGroupRef> out = new TreeMap<>();
        sessions.forEach((name, stream) -> out.put(name, stream.group()));
        return Collections.unmodifiableSortedMap(out);
    }

    /**
     * What the MSK messages of streaming session {@code session}'s Key Group say about it now: the SRTP-ID map entry
     * (Policy_no, SSRC, the ROC last given with {@link #srtpRolloverCounter}) and the SP. Empty for no such session.
     */
    public Optional<StreamingSession> streamingSession(String session) {
        MtkStream stream = sessions.get(Objects.requireNonNull(session, "session"));
        return stream == null ? Optional.empty() : Optional.ofNullable(streamingPolicies.get(stream.group()));
    }

    /**
     * Whether MTK delivery runs for streaming session {@code session}: started and not stopped (or failed). Waits
     * for the work already submitted for the session, so a {@link #startMtkDelivery} from this thread is seen.
     *
     * @throws IllegalStateException if called from one of the engine's lanes (a listener or a script)
     */
    public boolean mtkDeliveryRunning(String session) {
        return engine.instance(MTK_DELIVERY, Objects.requireNonNull(session, "session")).isPresent();
    }

    /**
     * The last MTK message this BM-SC made for streaming session {@code session}, byte for byte as it sends and resends
     * it (no key in clear: the MTK travels under the MSK); empty before its first. With several BM-SC nodes sending one
     * session (TS 33.246 §6.3.4), the node that makes the MTKs hands this message to the others, so that every area
     * gets the same MTK with the same timestamp at the same time.
     *
     * @throws IllegalArgumentException if no streaming session of that name is defined
     */
    public Optional<PreparedMtk> currentMtk(String session) {
        MtkStream stream = sessions.get(Objects.requireNonNull(session, "session"));
        if (stream == null) {
            throw new IllegalArgumentException("no streaming session '" + session + "'; sessions: " + sessions.keySet());
        }
        return stream.current();
    }

    /** The current MSK of {@code group}, if one was issued. */
    public Optional<MskRef> currentMsk(KeyGroupRef group) {
        return registry.group(group.keyDomain(), group.keyGroup()).flatMap(r -> r.current());
    }

    /** The BM-SC's key management FQDN. */
    public String fqdn() {
        return fqdn;
    }

    /** The engine running the scripts (for listeners, diagrams, instances). */
    public Engine engine() {
        return engine;
    }

    /** Loads scripts changed in the override folder: new instances use them, running ones finish on theirs. */
    public ReloadResult reloadScripts() {
        return procedures.reloadChanged();
    }

    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "BM-SC " + fqdn;
    }

    /** What a BM-SC needs; {@link #bootstrapping}, {@link #transport} and {@link #httpCodec} are required. */
    public static final class Builder {
        private final String fqdn;
        private Bootstrapping bootstrapping;
        private Transport transport;
        private HttpCodec codec;
        private Scheduler scheduler;
        private RandomBytes random = RandomBytes.secure();
        private KeyMaterialSource keyMaterial = KeyMaterialSource.secureRandom();
        private CryptoSuite suite = CryptoSuite.jca();
        private KeyRegistryStorage keyStorage = KeyRegistryStorage.inMemory();
        private RegistrationStorage registrationStorage = RegistrationStorage.inMemory();
        private Membership membership = Membership.open();
        private Optional<Duration> mukLifetime = Optional.empty();
        private Optional<Path> overrides = Optional.empty();
        private String backend = "native";
        private boolean deterministic;
        private int lanes;
        private int mikeyPort = Registrations.MIKEY_PORT;
        private Rekeying rekeying = Rekeying.PUSH;
        private int rekeyWindow = Integer.MAX_VALUE;
        private boolean allowQopAuth;
        private Optional<SecretBytes> digestSecret = Optional.empty();
        private Optional<NonceCounts> nonceCounts = Optional.empty();
        private Optional<InstanceStore> instanceStore = Optional.empty();
        private DeliveryRecordStorage deliveryRecords = DeliveryRecordStorage.inMemory(100_000);
        private UserServiceStorage serviceStorage = UserServiceStorage.inMemory();
        private final List<ProcedureListener> listeners = new ArrayList<>();
        private TrafficProtection trafficProtection = TrafficProtection.NONE;

        private Builder(String fqdn) {
            this.fqdn = Objects.requireNonNull(fqdn, "fqdn");
        }

        /** The BSF's Zn side: NAF keys by B-TID. */
        public Builder bootstrapping(Bootstrapping bootstrapping) {
            this.bootstrapping = Objects.requireNonNull(bootstrapping, "bootstrapping");
            return this;
        }

        /** Where the BM-SC sends MIKEY from and receives HTTP requests and verification messages. */
        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /** Reads and writes HTTP/1.1 wire bytes. */
        public Builder httpCodec(HttpCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /** Time and timers; a {@code ManualScheduler} in tests. */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** Random bytes for CSB IDs, RANDs, nonces and jitter; seeded in tests. */
        public Builder random(RandomBytes random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** Where MSKs and MTKs come from. */
        public Builder keyMaterial(KeyMaterialSource keyMaterial) {
            this.keyMaterial = Objects.requireNonNull(keyMaterial, "keyMaterial");
            return this;
        }

        /** The crypto of MIKEY; the JCA by default. */
        public Builder cryptoSuite(CryptoSuite suite) {
            this.suite = Objects.requireNonNull(suite, "suite");
            return this;
        }

        /** Who may register to which service; open by default. */
        public Builder membership(Membership membership) {
            this.membership = Objects.requireNonNull(membership, "membership");
            return this;
        }

        /** A BM-SC MUK lifetime shorter than the Ks_NAF lifetime (§6.3.2.2.4). */
        public Builder mukLifetime(Duration lifetime) {
            this.mukLifetime = Optional.of(lifetime);
            return this;
        }

        /** How a rotation reaches the UEs; {@link Rekeying#PUSH} by default. */
        public Builder rekeying(Rekeying rekeying) {
            this.rekeying = Objects.requireNonNull(rekeying, "rekeying");
            return this;
        }

        /**
         * At most {@code limit} UEs' pushes or solicited pulls of a re-key running at once
         * ({@link Bmsc#rekeyWindow(int)}); by default {@link Integer#MAX_VALUE}, all at once.
         *
         * @throws IllegalArgumentException if {@code limit} is below 1
         */
        public Builder rekeyWindow(int limit) {
            if (limit < 1) {
                throw new IllegalArgumentException("a re-key needs at least 1 procedure in flight, got " + limit);
            }
            this.rekeyWindow = limit;
            return this;
        }

        /**
         * A folder whose scripts replace the shipped ones of the same file name (a different push schedule in
         * {@code msk-push.groovy}, say), each declaring that file's procedure; they go through the same checks
         * (the role contract, a TS 33.246 clause and a description). A script declaring a procedure the BM-SC does
         * not run, or a shipped procedure under another file name, is refused. A folder that is not there yet
         * overrides nothing (a warning is logged); {@link Bmsc#reloadScripts()} loads later changes.
         */
        public Builder scripts(Path overrides) {
            this.overrides = Optional.of(overrides);
            return this;
        }

        /** The engine backend: {@code native} (default) or {@code spring}. */
        public Builder backend(String backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * The engine's lanes, the steps that may run at once (default: the number of available processors). All the
         * instances of one UE share a lane, so the MIKEY messages sealed for it leave in the order of their counters.
         *
         * @throws IllegalArgumentException if {@code lanes} is below 1
         */
        public Builder lanes(int lanes) {
            if (lanes < 1) {
                throw new IllegalArgumentException("a BM-SC needs at least 1 lane, got " + lanes);
            }
            this.lanes = lanes;
            return this;
        }

        /** Runs every step on the calling thread, in order (tests, simulations). */
        public Builder deterministic() {
            this.deterministic = true;
            return this;
        }

        /**
         * Also accepts Digest with qop {@code auth}, beside TS 33.246's {@code auth-int} (Annex G), which protects
         * the body too. Off by default. An operator turns it on for stock HTTP clients that know only
         * {@code auth}, such as {@code curl --digest -u <B-TID>:<base64 of the MRK>} in a lab; the UE's own
         * client always uses {@code auth-int}.
         */
        public Builder allowQopAuth(boolean allow) {
            this.allowQopAuth = allow;
            return this;
        }

        /** The port the BM-SC sends MIKEY from (2269). */
        public Builder mikeyPort(int port) {
            this.mikeyPort = port;
            return this;
        }

        /**
         * The secret that makes the HTTP Digest nonces self-validating (at least 32 bytes, copied). By default a
         * random one per process, which is right for one node; BM-SC nodes behind one address must share it, or a
         * node refuses the nonces another issued (stale nonce, one more round trip per request).
         */
        public Builder digestSecret(SecretBytes secret) {
            Objects.requireNonNull(secret, "secret");
            if (secret.length() < 32) {
                throw new IllegalArgumentException("digestSecret must be at least 32 bytes, got " + secret.length());
            }
            this.digestSecret = Optional.of(secret.copy());
            return this;
        }

        /**
         * Where the highest Digest nonce-count per nonce is kept; by default this process's memory. Nodes sharing a
         * {@link #digestSecret} share this too (the JDBC adapter has a database one), so a request accepted by one
         * node is refused as a replay by the others.
         */
        public Builder nonceCounts(NonceCounts counts) {
            this.nonceCounts = Optional.of(Objects.requireNonNull(counts, "counts"));
            return this;
        }

        /**
         * Where the engine keeps the records of the BM-SC's running procedures (pushes awaiting their verification
         * message, solicited pulls, MTK deliveries); by default this process's memory. With a durable store (the JDBC
         * adapter has one) a BM-SC built again on the same store takes them over: a push is resent on its schedule
         * and its answer recognised. Use it with durable key and registration storage, or the taken-over
         * instances find neither the MSK nor the UE.
         */
        public Builder instanceStore(InstanceStore store) {
            this.instanceStore = Optional.of(Objects.requireNonNull(store, "store"));
            return this;
        }

        public Builder keyStorage(KeyRegistryStorage storage) {
            this.keyStorage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Where the user service definitions are kept; by default this process's memory. With a database (the JDBC
         * adapter's) the BM-SC offers at start every service stored before, by it or by another node.
         */
        public Builder userServiceStorage(UserServiceStorage storage) {
            this.serviceStorage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Where the delivery records are kept; by default the newest 100,000 in this process's memory. A database (the
         * JDBC adapter's) keeps them across restarts and lets every node answer for the deliveries of the others.
         */
        public Builder deliveryRecords(DeliveryRecordStorage storage) {
            this.deliveryRecords = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * Where the registrations are kept; by default this process's memory (a database, e.g. the JDBC adapter's, keeps
         * them across restarts and shares them between nodes).
         */
        public Builder registrationStorage(RegistrationStorage storage) {
            this.registrationStorage = Objects.requireNonNull(storage, "storage");
            return this;
        }

        /**
         * The Session and Transmission function that protects the streaming sessions' traffic with their MTKs
         * (§6.6.1): given each new MTK's SRTP master key and salt before its MTK message is sent. By default
         * {@link TrafficProtection#NONE}, which destroys them.
         */
        public Builder trafficProtection(TrafficProtection protection) {
            this.trafficProtection = Objects.requireNonNull(protection, "protection");
            return this;
        }

        /** Tells {@code listener} of every step, outcome (delivery records) and rejection of the BM-SC's procedures. */
        public Builder listener(ProcedureListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** @throws IllegalStateException if the bootstrapping, transport, codec or scheduler is missing */
        public Bmsc build() {
            List<String> missing = new ArrayList<>();
            if (bootstrapping == null) {
                missing.add("bootstrapping(...)");
            }
            if (transport == null) {
                missing.add("transport(...)");
            }
            if (codec == null) {
                missing.add("httpCodec(...)");
            }
            if (scheduler == null) {
                missing.add("scheduler(...)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("a BM-SC needs bootstrapping(...), transport(...), httpCodec(...) and "
                        + "scheduler(...); missing: " + String.join(", ", missing));
            }
            return new Bmsc(this);
        }
    }
}
