package org.mbmskeys.mbms.bmsc.registrations;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.mbmskeys.engine.spi.Endpoint;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.Membership;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.bmsc.services.UserServices;
import org.mbmskeys.mbms.gba.BTid;
import org.mbmskeys.mbms.gba.Impi;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.MskId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The BM-SC Key Request function's memory of who is registered to what (TS 33.246 §6.3.2.1A, §6.3.2.1B),
 * over a {@link RegistrationStorage}. Called after HTTP Digest has authenticated the request: it takes the
 * subscriber's IMPI (from the BSF, §6.1), the B-TID the request was authenticated with, the request's
 * source address and the service IDs, and answers per service with the status code for the response body.
 *
 * <h2>Rules</h2>
 * <ul>
 *   <li><b>Register</b>: each service must be defined ({@link UserServices}; else 501) and the
 *       {@link Membership} must allow the subscriber (else 403). If at least one service registers, the
 *       registration's B-TID and source address become the request's: "Any new registrations should override
 *       any existing registrations of the UE", and MIKEY goes to the source address of the last registration
 *       (§6.3.1). If none does, nothing changes. The result names the Key Groups of the registered services,
 *       for the MSK deliveries that follow (§6.3.2.1A).</li>
 *   <li><b>Deregister</b>: removes the services; the result names the Key Groups that no remaining service of
 *       the UE uses, whose MSKs the BM-SC "should invalidate" (§6.3.2.1B). A UE left with no service has no
 *       registration.</li>
 *   <li><b>MSK request authorisation</b>: a UE may have an MSK if it "is registered to any MBMS User Service
 *       that uses the MSKs specified in the request" (§6.3.2.2.1); else 403 (table G.2.4-1).</li>
 *   <li>Every authenticated request records its B-TID ({@link #authenticated}); the registration is found
 *       by IMPI or by that B-TID.</li>
 * </ul>
 * A request that changes nothing changes no record. Thread-safe: every change is a compare-and-set on the
 * UE's record, retried on contention.
 *
 * <pre>{@code
 * Registrations registrations = Registrations.create(RegistrationStorage.inMemory(), services, Membership.open());
 * RegistrationResult r = registrations.register(impi, bTid, Endpoint.of("10.0.0.7", 40312), List.of(news));
 * r.items();                // [news -> REGISTERED (200)]
 * r.keyGroupsToDeliver();   // push the current MSK of each to the UE
 * }</pre>
 */
public final class Registrations {

    /** The UDP port for MIKEY (TS 33.246 §6.4.1; IANA "mikey" 2269). */
    public static final int MIKEY_PORT = 2269;

    private static final Logger LOG = LoggerFactory.getLogger(Registrations.class);

    private final RegistrationStorage storage;
    private final UserServices services;
    private final Membership membership;
    private final int mikeyPort;

    private Registrations(RegistrationStorage storage, UserServices services, Membership membership, int mikeyPort) {
        this.storage = Objects.requireNonNull(storage, "storage");
        this.services = Objects.requireNonNull(services, "services");
        this.membership = Objects.requireNonNull(membership, "membership");
        if (mikeyPort < 1 || mikeyPort > 65535) {
            throw new IllegalArgumentException("MIKEY port must be 1..65535, got " + mikeyPort);
        }
        this.mikeyPort = mikeyPort;
    }

    /** Registrations whose MIKEY messages go to port {@value #MIKEY_PORT}. */
    public static Registrations create(RegistrationStorage storage, UserServices services, Membership membership) {
        return new Registrations(storage, services, membership, MIKEY_PORT);
    }

    /** Registrations whose MIKEY messages go to {@code mikeyPort} (e.g. a test network). */
    public static Registrations create(RegistrationStorage storage, UserServices services, Membership membership,
                                       int mikeyPort) {
        return new Registrations(storage, services, membership, mikeyPort);
    }

    // ---------------------------------------------------------------------------------------- requests

    /**
     * Registers subscriber {@code impi} to {@code serviceIds} (TS 33.246 §6.3.2.1A).
     *
     * @param bTid   the B-TID the request was authenticated with
     * @param source the request's source address (§6.3.1)
     */
    public RegistrationResult register(String impi, BTid bTid, Endpoint source, List<ServiceId> serviceIds) {
        return register(impi, bTid, source, 0, serviceIds);
    }

    /**
     * {@link #register(String, BTid, Endpoint, List)} for a UE that stated the port it takes MIKEY on
     * ({@code mikeyPort}, 0 for none; the project's {@code mikeyport} parameter). The latest registration's
     * source and port replace the earlier ones.
     */
    public RegistrationResult register(String impi, BTid bTid, Endpoint source, int mikeyPort, List<ServiceId> serviceIds) {
        Impi.require(impi);
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(serviceIds, "serviceIds");
        while (true) {
            Optional<Registration> current = storage.find(impi);
            Set<ServiceId> registered = new HashSet<>(current.map(Registration::services).orElse(Set.of()));
            List<RegistrationResult.Item> items = new ArrayList<>(serviceIds.size());
            Set<KeyGroupRef> toDeliver = new HashSet<>();
            boolean anyRegistered = false;
            for (ServiceId requested : serviceIds) {
                Optional<UserService> service = services.lookup(requested);
                RegistrationOutcome outcome;
                if (service.isEmpty()) {
                    outcome = RegistrationOutcome.UNKNOWN_SERVICE;
                } else if (!membership.mayRegister(impi, service.get().serviceId())) {
                    outcome = RegistrationOutcome.FORBIDDEN;
                } else {
                    outcome = registered.add(service.get().serviceId())
                            ? RegistrationOutcome.REGISTERED : RegistrationOutcome.ALREADY_REGISTERED;
                    toDeliver.addAll(service.get().keyGroups());
                    anyRegistered = true;
                }
                items.add(new RegistrationResult.Item(requested, outcome));
            }
            if (!anyRegistered) {
                LOG.debug("registration of {} changed nothing: {}", impi, items);
                return new RegistrationResult(items, current, Set.of());
            }
            Registration next = current
                    .map(r -> r.with(bTid, source, mikeyPort, registered))
                    .orElseGet(() -> new Registration(impi, bTid, source, mikeyPort, registered, Optional.empty()));
            boolean stored = current.isPresent() ? storage.replace(current.get(), next) : storage.insert(next);
            if (stored) {
                LOG.debug("registered {} (B-TID {}, from {}): {}", impi, bTid, source, items);
                return new RegistrationResult(items, Optional.of(next), toDeliver);
            }
        }
    }

    /**
     * Deregisters subscriber {@code impi} from {@code serviceIds} (TS 33.246 §6.3.2.1B).
     *
     * @param bTid the B-TID the request was authenticated with
     */
    public DeregistrationResult deregister(String impi, BTid bTid, List<ServiceId> serviceIds) {
        Impi.require(impi);
        Objects.requireNonNull(bTid, "bTid");
        Objects.requireNonNull(serviceIds, "serviceIds");
        while (true) {
            Optional<Registration> current = storage.find(impi);
            Set<ServiceId> before = current.map(Registration::services).orElse(Set.of());
            Set<ServiceId> remaining = new HashSet<>(before);
            List<DeregistrationResult.Item> items = new ArrayList<>(serviceIds.size());
            for (ServiceId requested : serviceIds) {
                DeregistrationOutcome outcome;
                if (before.contains(requested)) {
                    // a service listed twice in this request is removed at its first mention, answered 200 at both
                    remaining.remove(requested);
                    outcome = DeregistrationOutcome.DEREGISTERED;
                } else if (services.lookup(requested).isPresent()) {
                    outcome = DeregistrationOutcome.NOT_REGISTERED;
                } else {
                    outcome = DeregistrationOutcome.UNKNOWN_SERVICE;
                }
                items.add(new DeregistrationResult.Item(requested, outcome));
            }
            if (current.isEmpty() || remaining.size() == before.size()) {
                if (current.isPresent() && !current.get().bTid().equals(bTid)) {
                    authenticated(impi, bTid);
                    continue;
                }
                LOG.debug("deregistration of {} changed nothing: {}", impi, items);
                return new DeregistrationResult(items, current, Set.of());
            }
            Set<KeyGroupRef> stillNeeded = services.keyGroupsOf(remaining);
            Set<KeyGroupRef> unused = new HashSet<>();
            for (ServiceId gone : before) {
                if (!remaining.contains(gone)) {
                    for (KeyGroupRef g : groupsOf(gone)) {
                        if (!stillNeeded.contains(g)) {
                            unused.add(g);
                        }
                    }
                }
            }
            Registration was = current.get();
            if (remaining.isEmpty()) {
                if (storage.remove(was)) {
                    LOG.debug("deregistered {} from every service: {}; invalidate {}", impi, items, unused);
                    return new DeregistrationResult(items, Optional.empty(), unused);
                }
            } else {
                Registration next = was.with(bTid, was.source(), was.mikeyPort(), remaining);
                if (storage.replace(was, next)) {
                    LOG.debug("deregistered {}: {}; invalidate {}", impi, items, unused);
                    return new DeregistrationResult(items, Optional.of(next), unused);
                }
            }
        }
    }

    /**
     * Records that a request of {@code impi} was authenticated with {@code bTid} (any request: registration,
     * deregistration or MSK request); false if the UE has no registration.
     */
    public boolean authenticated(String impi, BTid bTid) {
        Objects.requireNonNull(bTid, "bTid");
        while (true) {
            Optional<Registration> current = storage.find(impi);
            if (current.isEmpty()) {
                return false;
            }
            if (current.get().bTid().equals(bTid) || storage.replace(current.get(), current.get().withBTid(bTid))) {
                return true;
            }
        }
    }

    /**
     * Records the MUK the BM-SC derived for {@code impi} (its B-TID and when); false if the UE has no
     * registration. A MUK older than the one recorded does not replace it.
     */
    public boolean mukDerived(String impi, LastMuk muk) {
        Objects.requireNonNull(muk, "muk");
        while (true) {
            Optional<Registration> current = storage.find(impi);
            if (current.isEmpty()) {
                return false;
            }
            Optional<LastMuk> known = current.get().lastMuk();
            if (known.isPresent() && (known.get().equals(muk) || known.get().derivedAt().isAfter(muk.derivedAt()))) {
                return true;
            }
            if (storage.replace(current.get(), current.get().withLastMuk(muk))) {
                return true;
            }
        }
    }

    /**
     * Whether {@code impi} may have the MSK {@code keyDomain}/{@code mskId} (any Key Number, 0 = current):
     * it is registered to a service that uses its Key Group (TS 33.246 §6.3.2.2.1). Answer 403 otherwise.
     */
    public boolean isAuthorizedFor(String impi, KeyDomainId keyDomain, MskId mskId) {
        Objects.requireNonNull(keyDomain, "keyDomain");
        Objects.requireNonNull(mskId, "mskId");
        if (mskId.keyGroup().isReserved()) {
            return false;
        }
        Optional<Registration> registration = storage.find(impi);
        if (registration.isEmpty()) {
            return false;
        }
        KeyGroupRef group = KeyGroupRef.of(keyDomain, mskId.keyGroup());
        for (ServiceId user : services.usingKeyGroup(group)) {
            if (registration.get().isRegisteredTo(user)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes the UE's registration whatever it holds (an operator action, e.g. a subscriber who left);
     * answers the Key Groups it needed, whose MSKs the BM-SC may invalidate at the UE.
     */
    public Optional<Set<KeyGroupRef>> remove(String impi) {
        while (true) {
            Optional<Registration> current = storage.find(impi);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            if (storage.remove(current.get())) {
                Set<KeyGroupRef> groups = new HashSet<>();
                current.get().services().forEach(s -> groups.addAll(groupsOf(s)));
                return Optional.of(Set.copyOf(groups));
            }
        }
    }

    // ---------------------------------------------------------------------------------------- queries

    public Optional<Registration> registration(String impi) {
        return storage.find(impi);
    }

    /** The registration whose last authenticated request used {@code bTid}. */
    public Optional<Registration> byBTid(BTid bTid) {
        return storage.findByBTid(bTid);
    }

    /** Where MIKEY messages for {@code impi} go: the source host of its registration, on the MIKEY port. */
    public Optional<Endpoint> mikeyDestination(String impi) {
        return storage.find(impi).map(r -> r.mikeyDestination(mikeyPort));
    }

    public int mikeyPort() {
        return mikeyPort;
    }

    /** Up to {@code limit} IMPIs registered to {@code service}, ascending, after {@code after}. */
    public List<String> uesOfService(ServiceId service, Optional<String> after, int limit) {
        return storage.registeredTo(Objects.requireNonNull(service, "service"), after, limit);
    }

    /**
     * Up to {@code limit} IMPIs registered to any service that uses {@code group}, ascending, after
     * {@code after}: the UEs that get this group's MSKs (pushes at rotation, operator queries).
     */
    public List<String> uesOfKeyGroup(KeyGroupRef group, Optional<String> after, int limit) {
        TreeSet<String> merged = new TreeSet<>();
        for (ServiceId service : services.usingKeyGroup(group)) {
            merged.addAll(storage.registeredTo(service, after, limit));
        }
        List<String> page = new ArrayList<>(Math.min(limit, merged.size()));
        for (String impi : merged) {
            if (page.size() == limit) {
                break;
            }
            page.add(impi);
        }
        return List.copyOf(page);
    }

    /** How many UEs are registered. */
    public long count() {
        return storage.count();
    }

    private Set<KeyGroupRef> groupsOf(ServiceId service) {
        return services.lookup(service).map(UserService::keyGroups).orElse(Set.of());
    }
}
