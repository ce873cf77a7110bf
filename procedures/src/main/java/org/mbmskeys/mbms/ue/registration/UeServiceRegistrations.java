package org.mbmskeys.mbms.ue.registration;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import org.mbmskeys.mbms.gba.Fqdn;
import org.mbmskeys.mbms.ue.keys.UiccId;
import org.mbmskeys.mbms.ue.registration.RegistrationAction.Deregister;
import org.mbmskeys.mbms.ue.registration.RegistrationAction.Register;

/**
 * The UE's MBMS User Service registration life cycle (TS 33.246 §6.3.2.1A, §6.3.2.1B, §6.3.2.4, Annex G.2.4)
 * as a pure state model: events in, the registration and deregistration requests the UE must send out, grouped
 * per chosen BM-SC FQDN (one POST lists one or more service IDs). No I/O, no clock: the caller sends the
 * requests, applies back-off and Retry-After, and reports each answer with {@link #answered}.
 *
 * <table>
 *   <caption>Events and the requests they need</caption>
 *   <tr><th>event</th><th>requests</th><th>clause</th></tr>
 *   <tr><td>{@link #use}: the user first wants a protected service (or wants it again)</td>
 *       <td>register it</td><td>§6.3.2.1A</td></tr>
 *   <tr><td>{@link #powerOn}</td><td>register every service again, unless the user left it or the USIM/SIM
 *       changed (then the service is forgotten)</td><td>§6.3.2.1A</td></tr>
 *   <tr><td>{@link #keyManagementConnectionLost}: the network released the PDP context / PDN connection</td>
 *       <td>register the registered services again ("Any new registrations should override any existing
 *       registrations")</td><td>§6.3.2.1A</td></tr>
 *   <tr><td>{@link #powerDown}</td><td>deregister every ongoing service</td><td>§6.3.2.1B</td></tr>
 *   <tr><td>{@link #leave}: the user no longer wants a service</td><td>deregister it</td><td>§6.3.2.1B</td></tr>
 *   <tr><td>{@link #answered}: per-service status codes</td><td>2xx: done; 401 and 503: the same request
 *       again for those services; any other code: refused, not repeated</td><td>§6.3.2.4, G.2.4</td></tr>
 * </table>
 *
 * <p>Thread-safe (every method takes the instance's lock); {@link #registrations()} is a snapshot the caller
 * may persist and give back to {@link #restore}.
 */
public final class UeServiceRegistrations {

    private final Map<String, ServiceRegistration> services = new LinkedHashMap<>();
    private UiccId uicc;

    /** A UE with no service yet, with this UICC (or SIM) inserted. */
    public UeServiceRegistrations(UiccId uicc) {
        this.uicc = Objects.requireNonNull(uicc, "uicc");
    }

    /** A UE with the services of an earlier snapshot; call {@link #powerOn} next. */
    public static UeServiceRegistrations restore(UiccId uicc, Collection<ServiceRegistration> saved) {
        UeServiceRegistrations restored = new UeServiceRegistrations(uicc);
        saved.forEach(s -> restored.services.put(s.serviceId(), s));
        return restored;
    }

    /**
     * The user wants the protected service {@code serviceId}, whose key management server is {@code bmsc} (the
     * choice of {@code ServiceAccess.decide}, which keeps {@link #chosenBmsc} when given it). Registers it unless
     * it is registered or being registered; clears the user-left flag.
     */
    public synchronized List<RegistrationAction> use(String serviceId, Fqdn bmsc) {
        Objects.requireNonNull(serviceId, "serviceId");
        Objects.requireNonNull(bmsc, "bmsc");
        ServiceRegistration held = services.get(serviceId);
        if (held != null && !held.userLeft()
                && (held.state() == RegistrationState.REGISTERED || held.state() == RegistrationState.REGISTERING)) {
            return List.of();
        }
        ServiceRegistration next = new ServiceRegistration(serviceId, bmsc, RegistrationState.REGISTERING, false, uicc,
                held == null ? OptionalInt.empty() : held.lastStatus());
        services.put(serviceId, next);
        return List.of(new Register(bmsc, List.of(serviceId)));
    }

    /**
     * Power-on with {@code current} inserted: "it shall be performed at subsequent power on, unless the user
     * has previously indicated that he/she no longer wants to receive the MBMS User Service, or unless the USIM
     * or SIM has changed". Services registered with another card are forgotten; every other service the user
     * did not leave is registered again.
     */
    public synchronized List<RegistrationAction> powerOn(UiccId current) {
        this.uicc = Objects.requireNonNull(current, "current");
        services.values().removeIf(s -> !s.uicc().equals(current));
        services.replaceAll((id, s) -> s.with(RegistrationState.NOT_REGISTERED));
        return transition(s -> !s.userLeft(), RegistrationState.REGISTERING, Register::new);
    }

    /**
     * The PDP context (or PDN connection) used for key management was released by the network: "the UE should
     * try to re-run MBMS User Service Registration"; the new registration overrides the old one at the BM-SC,
     * which learns the new UE address.
     */
    public synchronized List<RegistrationAction> keyManagementConnectionLost() {
        return transition(UeServiceRegistrations::ongoing, RegistrationState.REGISTERING, Register::new);
    }

    /** Power-down: "the UE shall deregister ... at power-down for all ongoing services" (§6.3.2.1B). */
    public synchronized List<RegistrationAction> powerDown() {
        return transition(UeServiceRegistrations::ongoing, RegistrationState.DEREGISTERING, Deregister::new);
    }

    /**
     * The user no longer wants {@code serviceId}: it is deregistered if registered (or being registered), and
     * not registered again at power-on.
     */
    public synchronized List<RegistrationAction> leave(String serviceId) {
        ServiceRegistration held = services.get(Objects.requireNonNull(serviceId, "serviceId"));
        if (held == null || held.userLeft()) {
            return List.of();
        }
        boolean deregister = ongoing(held);
        services.put(serviceId, new ServiceRegistration(serviceId, held.bmsc(),
                deregister ? RegistrationState.DEREGISTERING : RegistrationState.NOT_REGISTERED, true, held.uicc(),
                held.lastStatus()));
        return deregister ? List.of(new Deregister(held.bmsc(), List.of(serviceId))) : List.of();
    }

    /**
     * Whether {@code request} is still awaited: one of its services is still being registered (or deregistered) at
     * its BM-SC. Not when the user left them, the UE powered down, or another card made the UE forget them (§6.1)
     * since the request was made: it is then not sent again.
     */
    public synchronized boolean awaits(RegistrationAction request) {
        for (String id : request.serviceIds()) {
            if (awaiting(id, request) != null) {
                return true;
            }
        }
        return false;
    }

    /** The registration of {@code id} if it still waits for {@code request}'s answer (same state, same BM-SC); else null. */
    private ServiceRegistration awaiting(String id, RegistrationAction request) {
        ServiceRegistration held = services.get(id);
        return held != null && held.state() == awaitedState(request) && held.bmsc().equals(request.bmsc()) ? held : null;
    }

    private static RegistrationState awaitedState(RegistrationAction request) {
        return request instanceof Register ? RegistrationState.REGISTERING : RegistrationState.DEREGISTERING;
    }

    /**
     * The BM-SC answered {@code request} with one status code per service ID (§6.3.2.4). Codes of 2xx mean
     * success for that service; 401 and 503 are the only ones the UE repeats (G.2.4), and come back as the same
     * kind of request for those services; any other code ends the request for that service (a registration is
     * then {@link RegistrationState#REFUSED}). A service missing from the answer ("If the response lacks some
     * items") is left not registered, without a repeat. Answers for a service that has moved on since (the user
     * left it, or a newer request replaced it) change nothing.
     */
    public synchronized List<RegistrationAction> answered(RegistrationAction request, Map<String, Integer> statuses) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(statuses, "statuses");
        boolean register = request instanceof Register;
        RegistrationState awaited = awaitedState(request);
        List<String> repeat = new ArrayList<>();
        for (String id : request.serviceIds()) {
            ServiceRegistration held = awaiting(id, request);
            if (held == null) {
                continue;
            }
            Integer status = statuses.get(id);
            if (status == null) {
                services.put(id, held.with(RegistrationState.NOT_REGISTERED));
            } else if (isSuccess(status)) {
                services.put(id, held.answered(register ? RegistrationState.REGISTERED
                        : RegistrationState.NOT_REGISTERED, status));
            } else if (isRepeated(status)) {
                services.put(id, held.answered(awaited, status));
                repeat.add(id);
            } else {
                services.put(id, held.answered(register ? RegistrationState.REFUSED
                        : RegistrationState.NOT_REGISTERED, status));
            }
        }
        if (repeat.isEmpty()) {
            return List.of();
        }
        return List.of(register ? new Register(request.bmsc(), repeat) : new Deregister(request.bmsc(), repeat));
    }

    /**
     * The whole request failed with {@code httpStatus} on the status line (§6.3.2.4: the status line says whether
     * the request as a whole was processed): the same as that code answered for every service of the request.
     */
    public synchronized List<RegistrationAction> failed(RegistrationAction request, int httpStatus) {
        Map<String, Integer> all = new LinkedHashMap<>();
        request.serviceIds().forEach(id -> all.put(id, httpStatus));
        return answered(request, all);
    }

    /** The BM-SC chosen for this service when it was first used, to keep it (§6.3.2.1A). */
    public synchronized Optional<Fqdn> chosenBmsc(String serviceId) {
        return registration(serviceId).map(ServiceRegistration::bmsc);
    }

    public synchronized Optional<ServiceRegistration> registration(String serviceId) {
        return Optional.ofNullable(services.get(serviceId));
    }

    /** Every service, in the order first used. */
    public synchronized List<ServiceRegistration> registrations() {
        return List.copyOf(services.values());
    }

    /** The UICC identity this model last saw. */
    public synchronized UiccId uicc() {
        return uicc;
    }

    /** 2xx: "a 2xx such as 200 means success for that item" (§6.3.2.4). */
    static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    /** G.2.4: the UE repeats the request only after 401 (authenticate again) and 503 (Retry-After). */
    static boolean isRepeated(int status) {
        return status == 401 || status == 503;
    }

    private static boolean ongoing(ServiceRegistration s) {
        return !s.userLeft()
                && (s.state() == RegistrationState.REGISTERED || s.state() == RegistrationState.REGISTERING);
    }

    /** Moves every matching service to {@code next} and asks for one request per BM-SC, in first-use order. */
    private List<RegistrationAction> transition(Predicate<ServiceRegistration> which, RegistrationState next,
                                                BiFunction<Fqdn, List<String>, RegistrationAction> request) {
        Map<Fqdn, List<String>> byBmsc = new LinkedHashMap<>();
        services.replaceAll((id, s) -> {
            if (!which.test(s)) {
                return s;
            }
            byBmsc.computeIfAbsent(s.bmsc(), b -> new ArrayList<>()).add(id);
            return s.with(next);
        });
        List<RegistrationAction> actions = new ArrayList<>(byBmsc.size());
        byBmsc.forEach((bmsc, ids) -> actions.add(request.apply(bmsc, ids)));
        return actions;
    }
}
