package org.mbmskeys.mbms.ue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.HttpResponseMessage;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.digest.DigestClient;
import org.mbmskeys.mbms.digest.DigestRealm;
import org.mbmskeys.mbms.digest.MrkDigestPassword;
import org.mbmskeys.mbms.gba.MbmsKeyManagement;
import org.mbmskeys.mbms.keymanagement.BackOffParameters;
import org.mbmskeys.mbms.keymanagement.MskRequestBackOff;
import org.mbmskeys.mbms.keymanagement.MskRequestReason;
import org.mbmskeys.mbms.keymanagement.xml.DeregistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.MskRequestBody;
import org.mbmskeys.mbms.keymanagement.xml.RegisterResponse;
import org.mbmskeys.mbms.keymanagement.xml.RegistrationRequest;
import org.mbmskeys.mbms.keymanagement.xml.ServiceStatus;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.mikey.crypto.CryptoSuite;
import org.mbmskeys.mbms.ue.announcement.ProtectionDecision;
import org.mbmskeys.mbms.ue.announcement.ServiceAccess;
import org.mbmskeys.mbms.ue.announcement.ServiceProtection;
import org.mbmskeys.mbms.ue.announcement.UeCapabilities;
import org.mbmskeys.mbms.ue.announcement.UserServiceDescription;
import org.mbmskeys.mbms.ue.gba.BmscKeys;
import org.mbmskeys.mbms.ue.gba.BootstrapResult;
import org.mbmskeys.mbms.ue.gba.CurrentBootstrap;
import org.mbmskeys.mbms.ue.gba.UeBootstrapping;
import org.mbmskeys.mbms.ue.keymanagement.AnswerDefect;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementClient;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementExchange;
import org.mbmskeys.mbms.ue.keymanagement.KeyManagementOutcome;
import org.mbmskeys.mbms.ue.keys.StoredGbaKey;
import org.mbmskeys.mbms.ue.keys.UeKeyStore;
import org.mbmskeys.mbms.ue.keys.UiccCheck;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.procedure.LifecycleStep;
import org.mbmskeys.mbms.ue.procedure.MskRequestPlan;
import org.mbmskeys.mbms.ue.procedure.UeOutcome;
import org.mbmskeys.mbms.ue.reception.MikeyReception;
import org.mbmskeys.mbms.ue.reception.Reception;
import org.mbmskeys.mbms.ue.registration.RegistrationAction;
import org.mbmskeys.mbms.ue.registration.RegistrationState;
import org.mbmskeys.mbms.ue.registration.ServiceRegistration;
import org.mbmskeys.mbms.ue.registration.UeServiceRegistrations;

/**
 * The role state of one UE (TS 33.246 §6.1, §6.3.2, §6.4.6): key store, MIKEY reception, GBA, registrations,
 * the announcements it knows and one key management client per BM-SC. Every method is one call of a script's
 * service; none does I/O. Thread-safe: the scripts of one UE may run on different lanes.
 */
final class UeNode {

    private final UeProfile profile;
    private final UeKeyStore store;
    private final CryptoSuite suite;
    private final MikeyReception reception;
    private final UeBootstrapping gba;
    private final UeServiceRegistrations registrations;
    private final ServiceAccess access;
    private final RandomBytes random;
    private final InstantSource clock;
    private final String userAgent;
    private final int keyManagementPort;
    private final OptionalInt mikeyPort;
    private final Map<String, UserServiceDescription> announcements = new LinkedHashMap<>();
    private final Map<String, ProtectionDecision.Register> decisions = new HashMap<>();
    private final Map<String, BmscClient> clients = new HashMap<>();
    private UiccId uicc;

    /** The Digest state for one BM-SC belongs to one bootstrapping. */
    private record BmscClient(String bTid, KeyManagementClient client) {
    }

    UeNode(UeProfile profile, UeKeyStore store, CryptoSuite suite, RandomBytes random, InstantSource clock,
           String userAgent, int keyManagementPort) {
        this(profile, store, suite, random, clock, userAgent, keyManagementPort, OptionalInt.empty());
    }

    UeNode(UeProfile profile, UeKeyStore store, CryptoSuite suite, RandomBytes random, InstantSource clock,
           String userAgent, int keyManagementPort, OptionalInt mikeyPort) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.store = Objects.requireNonNull(store, "store");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.random = Objects.requireNonNull(random, "random");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.userAgent = userAgent;
        this.keyManagementPort = keyManagementPort;
        this.mikeyPort = Objects.requireNonNull(mikeyPort, "mikeyPort");
        this.uicc = profile.uicc();
        this.gba = UeBootstrapping.create(store, profile.ub(), profile.gbaMode(), clock);
        this.reception = MikeyReception.create(store, suite, gba, clock);
        this.reception.uiccChanged(uicc);
        this.registrations = new UeServiceRegistrations(uicc);
        this.access = new ServiceAccess(random);
    }

    String name() {
        return profile.name();
    }

    UeKeyStore store() {
        return store;
    }

    /** The MIKEY crypto this UE opens messages with, and derives download keys with. */
    CryptoSuite suite() {
        return suite;
    }

    UeCapabilities capabilities() {
        return profile.capabilities();
    }

    // ------------------------------------------------------------------------------------ announcements

    synchronized void announce(UserServiceDescription description) {
        announcements.put(description.serviceId(), description);
    }

    synchronized Optional<UserServiceDescription> announcement(String serviceId) {
        return Optional.ofNullable(announcements.get(serviceId));
    }

    // ------------------------------------------------------------------------------------ life cycle

    synchronized LifecycleStep use(String serviceId) {
        UserServiceDescription description = announcements.get(serviceId);
        if (description == null) {
            return new LifecycleStep(List.of(), List.of(new UeOutcome.ServiceNotAccessible(name(), serviceId,
                    "no User Service Description of " + serviceId + " was loaded")));
        }
        ProtectionDecision decision = access.decide(description, profile.capabilities(),
                registrations.chosenBmsc(serviceId));
        if (decision instanceof ProtectionDecision.NoAccess no) {
            return new LifecycleStep(List.of(), List.of(new UeOutcome.ServiceNotAccessible(name(), serviceId,
                    no.reason() + ": " + no.detail())));
        }
        if (!(decision instanceof ProtectionDecision.Register register)) {
            return LifecycleStep.none(); // unprotected: no registration, no GBA for MBMS (§6.3.2.1A)
        }
        decisions.put(serviceId, register);
        return LifecycleStep.of(registrations.use(serviceId, register.bmsc()));
    }

    synchronized LifecycleStep leave(String serviceId) {
        return LifecycleStep.of(registrations.leave(serviceId));
    }

    synchronized LifecycleStep powerOn() {
        return LifecycleStep.of(registrations.powerOn(uicc));
    }

    synchronized LifecycleStep powerDown() {
        return LifecycleStep.of(registrations.powerDown());
    }

    synchronized LifecycleStep connectionLost() {
        return LifecycleStep.of(registrations.keyManagementConnectionLost());
    }

    synchronized LifecycleStep uiccChanged(UiccId newUicc) {
        UiccCheck check = reception.uiccChanged(Objects.requireNonNull(newUicc, "uicc"));
        if (check != UiccCheck.SAME_UICC) {
            gba.discard();
            clients.clear();
        }
        this.uicc = newUicc;
        return LifecycleStep.none();
    }

    synchronized boolean awaited(RegistrationAction request) {
        return registrations.awaits(request);
    }

    synchronized LifecycleStep answered(RegistrationAction request, RegisterResponse body) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        for (ServiceStatus s : body.services()) {
            statuses.put(s.serviceId(), s.status().code());
        }
        List<RegistrationAction> again = registrations.answered(request, statuses);
        return new LifecycleStep(again, outcomes(request, statuses));
    }

    synchronized LifecycleStep failed(RegistrationAction request, int status) {
        Map<String, Integer> statuses = new LinkedHashMap<>();
        request.serviceIds().forEach(id -> statuses.put(id, status));
        List<RegistrationAction> again = registrations.failed(request, status);
        return new LifecycleStep(again, outcomes(request, statuses));
    }

    synchronized LifecycleStep gaveUp(RegistrationAction request, UeOutcome.Failure failure, String detail) {
        registrations.answered(request, Map.of()); // not registered, not repeated
        String procedure = request instanceof RegistrationAction.Register ? "ue.registration" : "ue.deregistration";
        return new LifecycleStep(List.of(), List.of(new UeOutcome.KeyManagementFailed(name(), procedure,
                request.bmsc().value(), String.join(" ", request.serviceIds()), failure, detail)));
    }

    /** One outcome per service whose answer ends its request: success, or a code G.2.4 does not repeat. */
    private List<UeOutcome> outcomes(RegistrationAction request, Map<String, Integer> statuses) {
        List<UeOutcome> out = new ArrayList<>();
        String bmsc = request.bmsc().value();
        boolean register = request instanceof RegistrationAction.Register;
        for (String id : request.serviceIds()) {
            Integer status = statuses.get(id);
            if (status == null || status == 401 || status == 503) {
                continue;
            }
            boolean success = status >= 200 && status <= 299;
            out.add(!register ? new UeOutcome.ServiceDeregistered(name(), id, bmsc, status)
                    : success ? new UeOutcome.ServiceRegistered(name(), id, bmsc, status)
                    : new UeOutcome.ServiceRefused(name(), id, bmsc, status));
        }
        return out;
    }

    synchronized List<ServiceRegistration> registrations() {
        return registrations.registrations();
    }

    // ------------------------------------------------------------------------------------ key management

    synchronized boolean needsBootstrap() {
        return gba.needsBootstrap(clock.instant());
    }

    synchronized BootstrapResult bootstrap() {
        BootstrapResult result = gba.bootstrap();
        if (result instanceof BootstrapResult.Bootstrapped) {
            clients.clear(); // a new B-TID: new Digest state (TS 33.246 §6.2.1.3: username = B-TID)
        }
        return result;
    }

    synchronized KeyManagementExchange post(RegistrationAction request) {
        KeyManagementClient client = client(request.bmsc().value());
        return request instanceof RegistrationAction.Register
                ? client.register(new RegistrationRequest(request.serviceIds()))
                : client.deregister(new DeregistrationRequest(request.serviceIds()));
    }

    synchronized KeyManagementExchange requestMsks(String bmsc, List<MskRef> msks) {
        return client(bmsc).requestMsks(new MskRequestBody(msks));
    }

    synchronized KeyManagementExchange resend(String bmsc, KeyManagementExchange previous) {
        return client(bmsc).resend(previous);
    }

    /**
     * An answer to {@code sent}. When the keys it was sent under are gone meanwhile (another UICC wiped them, §6.1),
     * its Authentication-Info cannot be checked: it is an unusable answer, as one that does not verify, and nothing
     * in it is taken (Annex H step 8). It must not throw: the answer arrives on the transport's thread.
     */
    synchronized KeyManagementOutcome interpret(String bmsc, KeyManagementExchange sent, HttpResponseMessage response) {
        try {
            return client(bmsc).interpret(sent, response);
        } catch (KeysGone e) {
            return new KeyManagementOutcome.Malformed(AnswerDefect.NOT_AUTHENTICATED, e.getMessage()
                    + "; the answer to a request sent before cannot be checked");
        }
    }

    /** No GBA bootstrapping, or no MRK for the BM-SC: the keys key management needs are not (or no longer) there. */
    static final class KeysGone extends IllegalStateException {
        KeysGone(String message) {
            super(message);
        }
    }

    /**
     * The client for {@code bmsc} under the current bootstrapping, made when the B-TID changed: MUK and MRK are
     * derived and installed for that BM-SC. The Digest password is base64(MRK) (Annex H step 4), derived from the
     * MRK the key store holds for that BM-SC each time a request is signed or an answer checked: no copy of it
     * lives outside the store between requests, and a MRK installed anew is used from the next request on.
     */
    private KeyManagementClient client(String bmsc) {
        CurrentBootstrap current = gba.current().orElseThrow(() -> new KeysGone(name()
                + " has no GBA bootstrapping: run it before key management with " + bmsc + " (TS 33.246 §6.1)"));
        String bTid = current.bTid().format();
        BmscClient held = clients.get(bmsc);
        if (held != null && held.bTid().equals(bTid)) {
            return held.client();
        }
        MbmsKeyManagement keyManagement = keyManagementFor(bmsc);
        if (gba.keysFor(bmsc, keyManagement) instanceof BmscKeys.BootstrapNeeded needed) {
            throw new KeysGone(name() + " cannot reach " + bmsc + " without GBA keys: " + needed.detail());
        }
        Bytes idi = Bytes.wrap(bmsc.getBytes(StandardCharsets.UTF_8));
        digestPassword(bmsc, idi).destroy();   // fail now, not at the first request, if no MRK was installed
        // 3GPP-bootstrapping@ in UICC key management too: the password is base64(MRK), and the MRK is ME-based
        // (Ks_ext_NAF under GBA_U, §6.1), which TS 24.109 §5.2.2.1 puts in that realm
        DigestClient digest = new DigestClient(bTid, () -> digestPassword(bmsc, idi), DigestRealm.bootstrapping(bmsc),
                random);
        KeyManagementClient client = new KeyManagementClient(bmsc + ":" + keyManagementPort, digest, userAgent, clock,
                mikeyPort);
        clients.put(bmsc, new BmscClient(bTid, client));
        return client;
    }

    /** base64(MRK) of the MRK the store holds for {@code bmsc} now (TS 33.246 §6.2.1.3, Annex H step 4). */
    private SecretBytes digestPassword(String bmsc, Bytes idi) {
        StoredGbaKey mrk = store.mrk(idi).orElseThrow(() -> new KeysGone("no MRK installed for " + bmsc));
        try {
            return MrkDigestPassword.derive(mrk.key());
        } finally {
            mrk.key().destroy();
        }
    }

    /** UICC key management where a service with this BM-SC decided so (§6.3.2.1A), ME otherwise. */
    private MbmsKeyManagement keyManagementFor(String bmsc) {
        for (ProtectionDecision.Register d : decisions.values()) {
            if (d.bmsc().value().equals(bmsc)) {
                return d.keyManagement();
            }
        }
        return profile.gbaMode().defaultKeyManagement();
    }

    synchronized Duration mskBackOff(List<MskRef> msks, MskRequestReason reason) {
        Optional<BackOffParameters> parameters = Optional.empty();
        for (UserServiceDescription d : announcements.values()) {
            Optional<ServiceProtection> p = d.protection();
            if (p.isPresent() && p.get().backOff().isPresent() && msks.stream().anyMatch(p.get()::usesKeyGroup)) {
                // §6.3.2.1A: services sharing an MSK with different back-off values: the UE may choose; the first.
                parameters = p.get().backOff();
                break;
            }
        }
        // §6.3.2.2.1 exempts only the answer to a solicited pull; the request after a push under the last used MUK
        // (§6.3.2.3.1, "in a similar way as the push solicited pull") is not named there, so it waits too.
        return MskRequestBackOff.of(parameters, random, false).waitBefore(reason);
    }

    // ------------------------------------------------------------------------------------ MIKEY

    synchronized Reception receive(Bytes datagram) {
        Reception r = reception.receive(datagram);
        if (r instanceof Reception.MtkStored stored) {
            // The store keeps the MTK; these copies were handed to us.
            stored.mtk().key().destroy();
            stored.mtk().salt().ifPresent(SecretBytes::destroy);
        }
        return r;
    }

    /** An {@code application/mikey} object of a download session: an MTK message, and nothing else (§6.3.3.2.1). */
    synchronized Reception receiveMtkObject(Bytes object) {
        Reception r = reception.receiveMtkObject(object);
        if (r instanceof Reception.MtkStored stored) {
            stored.mtk().key().destroy();
            stored.mtk().salt().ifPresent(SecretBytes::destroy);
        }
        return r;
    }

    /** The MSK request for a Key Group the UE needs, if a service it is registered to uses that group. */
    synchronized Optional<MskRequestPlan> mskRequestFor(Reception.MskRequestNeeded needed) {
        MskRef current = MskRef.of(needed.keyDomain(), MskId.current(needed.keyGroup()));
        for (ServiceRegistration r : registrations.registrations()) {
            UserServiceDescription d = announcements.get(r.serviceId());
            if (answerable(r.state(), needed.cause()) && d != null && d.protection().isPresent()
                    && d.protection().get().usesKeyGroup(current)) {
                MskRequestReason reason = switch (needed.cause()) {
                    case SOLICITED_PULL -> MskRequestReason.SOLICITED_PULL;
                    case LAST_USED_MUK_PUSH -> MskRequestReason.LAST_USED_MUK_PUSH;
                    case UNKNOWN_MSK -> MskRequestReason.MSK_NEEDED;
                };
                String key = name() + "/msk/" + needed.keyDomain() + "/" + needed.keyGroup();
                return Optional.of(new MskRequestPlan(key, name(), r.bmsc().value(), List.of(current), reason));
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a service in {@code state} takes an MSK request for {@code cause}. A registered one always. One whose
     * registration is not answered yet takes a solicited pull too: the pull was verified under the MUK that
     * registration used, and over a real network it can overtake the registration's 200 (UDP against TCP).
     * Left unanswered, the pull would only be repeated seconds later.
     */
    private static boolean answerable(RegistrationState state, Reception.MskRequestNeeded.Cause cause) {
        return state == RegistrationState.REGISTERED
                || state == RegistrationState.REGISTERING && cause == Reception.MskRequestNeeded.Cause.SOLICITED_PULL;
    }

    @Override
    public String toString() {
        return "UeNode[" + name() + "]";
    }
}
