package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.ServiceId;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.keys.KeyValidity;
import org.mbmskeys.mbms.keys.MskRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's resources over one {@link Bmsc} (see docs/admin-api.md). Every input is checked before the
 * BM-SC is called, so a refused request ({@link AdminRefusal}) changes nothing; the authentication is the
 * server's business and has happened before a request gets here.
 *
 * <pre>
 * GET  /v1/services                                  user services, their type and Key Groups
 * GET  /v1/key-groups                                Key Groups with current and previous MSK IDs
 * GET  /v1/key-groups/{domain}/{group}               one Key Group
 * POST /v1/key-groups/{domain}/{group}/rotate        a new MSK; body {"seqLow":..,"seqHigh":..} optional
 * GET  /v1/registrations?service=S[&amp;after=I][&amp;limit=N]  one page of a service's registrations
 * GET  /v1/registrations/{impi}                      one UE's registration
 * GET  /v1/deliveries?impi=I | ?msk=M [&amp;limit=N]   the newest MSK delivery records
 * GET  /v1/streaming-sessions                        streaming sessions and whether MTK delivery runs
 * POST /v1/streaming-sessions/{session}/start|stop|next-mtk
 * POST /v1/streaming-sessions/{session}/rollover-counter   the SRTP sender's ROC now; body {"roc":..}
 * </pre>
 */
final class AdminApi {

    /**
     * The page size of {@code /v1/registrations}, and the number of newest {@code /v1/deliveries}, when {@code limit}
     * is not given, and the largest allowed.
     */
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);
    private static final String VERSION = "v1";

    private final Bmsc bmsc;

    AdminApi(Bmsc bmsc) {
        this.bmsc = Objects.requireNonNull(bmsc, "bmsc");
    }

    /**
     * The answer to {@code request}, from {@code client} (for the audit log line of a change).
     *
     * @throws AdminRefusal for an unknown path (404), a method the path does not take (405), bad parameters or
     *                      body (400), something unknown (404) or a state that does not allow the action (409)
     */
    AdminResponse handle(AdminRequest request, String client) {
        List<String> s = request.segments();
        if (s.size() < 2 || !s.get(0).equals(VERSION)) {
            throw unknownPath(request);
        }
        String resource = s.get(1);
        int n = s.size();
        switch (resource) {
            case "services":
                if (n == 2) {
                    return get(request, () -> services(request));
                }
                break;
            case "key-groups":
                if (n == 2) {
                    return get(request, () -> keyGroups(request));
                }
                if (n == 4) {
                    return get(request, () -> keyGroup(request, AdminInputs.group(s.get(2), s.get(3))));
                }
                if (n == 5 && s.get(4).equals("rotate")) {
                    return post(request, () -> rotate(request, AdminInputs.group(s.get(2), s.get(3)), client));
                }
                break;
            case "registrations":
                if (n == 2) {
                    return get(request, () -> registrations(request));
                }
                if (n == 3) {
                    return get(request, () -> registration(request, s.get(2)));
                }
                break;
            case "deliveries":
                if (n == 2) {
                    return get(request, () -> deliveries(request));
                }
                break;
            case "streaming-sessions":
                if (n == 2) {
                    return get(request, () -> sessions(request));
                }
                if (n == 4 && Set.of("start", "stop", "next-mtk").contains(s.get(3))) {
                    return post(request, () -> mtkDelivery(request, s.get(2), s.get(3), client));
                }
                if (n == 4 && s.get(3).equals("rollover-counter")) {
                    return post(request, () -> rolloverCounter(request, s.get(2), client));
                }
                break;
            default:
                break;
        }
        throw unknownPath(request);
    }

    // ------------------------------------------------------------------------------------ resources

    private JsonNode services(AdminRequest request) {
        request.allowOnly(Set.of());
        ObjectNode o = AdminJson.object();
        ArrayNode list = o.putArray("services");
        for (UserService service : bmsc.services()) {
            list.add(AdminJson.service(service));
        }
        return o;
    }

    private JsonNode keyGroups(AdminRequest request) {
        request.allowOnly(Set.of());
        ObjectNode o = AdminJson.object();
        ArrayNode list = o.putArray("keyGroups");
        for (KeyGroupRecord group : bmsc.keyGroups()) {
            list.add(AdminJson.keyGroup(group));
        }
        return o;
    }

    private JsonNode keyGroup(AdminRequest request, KeyGroupRef group) {
        request.allowOnly(Set.of());
        return AdminJson.keyGroup(existing(group));
    }

    private JsonNode rotate(AdminRequest request, KeyGroupRef group, String client) {
        request.allowOnly(Set.of());
        ObjectNode body = AdminInputs.jsonBody(request, Set.of("seqLow", "seqHigh"));
        int low = AdminInputs.intField(body, "seqLow", Bmsc.DEFAULT_VALIDITY.seqLow().value());
        int high = AdminInputs.intField(body, "seqHigh", Bmsc.DEFAULT_VALIDITY.seqHigh().value());
        KeyValidity validity;
        try {
            validity = KeyValidity.of(low, high);
            if (low >= high || high == 0xFFFF) {
                throw new IllegalArgumentException("a new MSK needs seqLow < seqHigh < 65535 (TS 33.246 §6.4.5.1: SEQu "
                        + "never takes its maximum, and at least one MTK ID must fit), got " + low + ".." + high);
            }
        } catch (IllegalArgumentException e) {
            throw AdminRefusal.badRequest(e.getMessage());
        }
        KeyGroupRecord before = existing(group);
        MskRef msk = bmsc.rotate(group, validity);
        LOG.info("admin API: {} rotated Key Group {}: MSK {} is current (was {})", client, group, msk,
                before.current().map(MskRef::toString).orElse("none"));
        ObjectNode o = AdminJson.object();
        o.put("keyGroup", group.toString());
        o.put("msk", msk.toString());
        o.put("previousMsk", before.current().map(MskRef::toString).orElse(null));
        o.put("seqLow", low);
        o.put("seqHigh", high);
        return o;
    }

    private JsonNode registrations(AdminRequest request) {
        request.allowOnly(Set.of("service", "after", "limit"));
        String service = request.parameter("service").orElseThrow(() -> AdminRefusal.badRequest(
                "name the user service: /v1/registrations?service=S[&after=IMPI][&limit=N], or one UE: /v1/registrations/{impi}"));
        String problem = ServiceId.problem(service);
        if (problem != null) {
            throw AdminRefusal.badRequest(problem);
        }
        Optional<String> after = request.parameter("after");
        int limit = request.parameter("limit").map(AdminInputs::pageSize).orElse(DEFAULT_PAGE);
        if (bmsc.services().stream().noneMatch(u -> u.serviceId().value().equals(service))) {
            throw AdminRefusal.notFound("no user service '" + service + "'; services: " + serviceIds());
        }
        List<String> page = bmsc.registeredTo(service, after, limit);
        ObjectNode o = AdminJson.object();
        o.put("service", service);
        ArrayNode list = o.putArray("registrations");
        for (String impi : page) {
            // A UE may deregister between the page and this look-up: it is then left out.
            bmsc.registration(impi).ifPresent(r -> list.add(AdminJson.registration(r)));
        }
        o.put("next", page.size() == limit ? page.get(page.size() - 1) : null);
        return o;
    }

    private JsonNode registration(AdminRequest request, String impi) {
        request.allowOnly(Set.of());
        AdminInputs.impi(impi);
        Registration r = bmsc.registration(impi).orElseThrow(() -> AdminRefusal.notFound("no registration of IMPI '" + impi + "'"));
        return AdminJson.registration(r);
    }

    private JsonNode deliveries(AdminRequest request) {
        request.allowOnly(Set.of("impi", "msk", "limit"));
        int limit = request.parameter("limit").map(AdminInputs::pageSize).orElse(DEFAULT_PAGE);
        Optional<String> impi = request.parameter("impi");
        Optional<String> mskText = request.parameter("msk");
        if (impi.isPresent() == mskText.isPresent()) {
            throw AdminRefusal.badRequest("give exactly one of impi=IMPI (a UE's deliveries) or msk=DOMAIN/MSKID "
                    + "(one MSK's, e.g. 001-01/01010002)");
        }
        List<DeliveryRecord> records;
        ObjectNode o = AdminJson.object();
        if (impi.isPresent()) {
            AdminInputs.impi(impi.get());
            records = bmsc.deliveries(impi.get(), limit);
            if (records.isEmpty() && bmsc.registration(impi.get()).isEmpty()) {
                throw AdminRefusal.notFound("IMPI '" + impi.get() + "' has no registration and no delivery records");
            }
            o.put("impi", impi.get());
        } else {
            MskRef msk;
            KeyGroupRef group;
            try {
                msk = MskRef.parse(mskText.get());
                group = KeyGroupRef.of(msk);   // refuses Key Group 0
            } catch (IllegalArgumentException e) {
                throw AdminRefusal.badRequest(e.getMessage());
            }
            existing(group);
            records = bmsc.deliveries(msk, limit);
            o.put("msk", msk.toString());
        }
        o.put("limit", limit);
        ArrayNode list = o.putArray("deliveries");
        records.forEach(d -> list.add(AdminJson.delivery(d)));
        return o;
    }

    private JsonNode sessions(AdminRequest request) {
        request.allowOnly(Set.of());
        ObjectNode o = AdminJson.object();
        ArrayNode list = o.putArray("streamingSessions");
        for (Map.Entry<String, KeyGroupRef> session : bmsc.streamingSessions().entrySet()) {
            list.add(session(session.getKey(), session.getValue()));
        }
        return o;
    }

    private JsonNode mtkDelivery(AdminRequest request, String session, String action, String client) {
        request.allowOnly(Set.of());
        AdminInputs.jsonBody(request, Set.of());
        KeyGroupRef group = streamingGroup(session);
        boolean running = bmsc.mtkDeliveryRunning(session);
        switch (action) {
            case "start" -> {
                if (running) {
                    throw AdminRefusal.conflict("MTK delivery for session '" + session + "' is running already");
                }
                if (bmsc.currentMsk(group).isEmpty()) {
                    throw AdminRefusal.conflict("Key Group " + group + " of session '" + session + "' has no current MSK "
                            + "to protect MTKs with; rotate it first (POST /v1/key-groups/" + group + "/rotate)");
                }
                bmsc.startMtkDelivery(session);
            }
            case "stop" -> {
                if (!running) {
                    throw AdminRefusal.conflict("MTK delivery for session '" + session + "' is not running");
                }
                bmsc.stopMtkDelivery(session);
            }
            default -> {
                if (!running) {
                    throw AdminRefusal.conflict("MTK delivery for session '" + session + "' is not running; start it first");
                }
                bmsc.nextMtk(session);
            }
        }
        LOG.info("admin API: {} asked MTK delivery of session '{}' to {}", client, session, action);
        return session(session, group);
    }

    private JsonNode rolloverCounter(AdminRequest request, String session, String client) {
        request.allowOnly(Set.of());
        ObjectNode body = AdminInputs.jsonBody(request, Set.of("roc"));
        long roc = AdminInputs.rocField(body, "roc");
        KeyGroupRef group = streamingGroup(session);
        bmsc.srtpRolloverCounter(session, roc);
        LOG.info("admin API: {} gave session '{}' the SRTP rollover counter {}", client, session, roc);
        return session(session, group);
    }

    // ------------------------------------------------------------------------------------ helpers

    private KeyGroupRef streamingGroup(String session) {
        KeyGroupRef group = bmsc.streamingSessions().get(session);
        if (group == null) {
            throw AdminRefusal.notFound("no streaming session '" + session + "'; sessions: " + bmsc.streamingSessions().keySet());
        }
        return group;
    }

    private ObjectNode session(String name, KeyGroupRef group) {
        ObjectNode o = AdminJson.object();
        o.put("session", name);
        o.put("keyGroup", group.toString());
        o.put("currentMsk", bmsc.currentMsk(group).map(MskRef::toString).orElse(null));
        o.put("mtkDelivery", bmsc.mtkDeliveryRunning(name) ? "running" : "stopped");
        bmsc.streamingSession(name).ifPresent(defined -> {
            o.put("ssrc", String.format("%08x", defined.srtpCs().ssrc()));
            o.put("rolloverCounter", defined.srtpCs().roc());
        });
        return o;
    }

    private interface Work {
        JsonNode run();
    }

    private static AdminResponse get(AdminRequest request, Work work) {
        return answer(request, HttpMethod.GET, work);
    }

    private static AdminResponse post(AdminRequest request, Work work) {
        return answer(request, HttpMethod.POST, work);
    }

    private static AdminResponse answer(AdminRequest request, HttpMethod allowed, Work work) {
        if (!request.method().equals(allowed)) {
            throw AdminRefusal.methodNotAllowed(request.path(), request.method().name(), allowed.name());
        }
        if (allowed.equals(HttpMethod.GET) && request.body().length > 0) {
            throw AdminRefusal.badRequest("GET " + request.path() + " takes no body");
        }
        return AdminResponse.ok(work.run());
    }

    private KeyGroupRecord existing(KeyGroupRef group) {
        return bmsc.keyGroup(group).orElseThrow(() -> AdminRefusal.notFound("no Key Group " + group + "; Key Groups: "
                + bmsc.keyGroups().stream().map(g -> KeyGroupRef.of(g.keyDomain(), g.keyGroup()).toString()).toList()));
    }

    private List<String> serviceIds() {
        return bmsc.services().stream().map(u -> u.serviceId().value()).toList();
    }

    private static AdminRefusal unknownPath(AdminRequest request) {
        return AdminRefusal.notFound("no resource " + request.path() + "; the admin API serves /v1/services, /v1/key-groups, "
                + "/v1/registrations, /v1/deliveries and /v1/streaming-sessions (docs/admin-api.md)");
    }
}
