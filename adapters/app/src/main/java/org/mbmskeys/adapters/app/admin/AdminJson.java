package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import org.mbmskeys.mbms.bmsc.distribution.DeliveryRecord;
import org.mbmskeys.mbms.bmsc.keys.KeyGroupRecord;
import org.mbmskeys.mbms.bmsc.registrations.Registration;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.bmsc.services.UserService;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * The admin API's JSON: one object per domain value, written field by field so the wire shape is decided here and
 * not by the domain classes' accessors. Identifiers and states only: no key material has a field.
 */
final class AdminJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY);

    private AdminJson() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    /**
     * The request body as a JSON object; an empty body is an empty object.
     *
     * @throws AdminRefusal 400 if the body is not one JSON object
     */
    static ObjectNode body(byte[] body) {
        if (body.length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(body);
        } catch (IOException e) {
            throw AdminRefusal.badRequest("the body is not valid JSON: " + firstLine(e.getMessage()));
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!(node instanceof ObjectNode object)) {
            throw AdminRefusal.badRequest("the body must be a JSON object, got " + node.getNodeType().toString().toLowerCase(Locale.ROOT));
        }
        return object;
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static ObjectNode service(UserService service) {
        ObjectNode o = object();
        o.put("serviceId", service.serviceId().value());
        o.put("serviceType", lower(service.serviceType()));
        ArrayNode groups = o.putArray("keyGroups");
        service.keyGroups().stream().map(KeyGroupRef::toString).sorted().forEach(groups::add);
        return o;
    }

    static ObjectNode keyGroup(KeyGroupRecord group) {
        ObjectNode o = object();
        o.put("keyGroup", KeyGroupRef.of(group.keyDomain(), group.keyGroup()).toString());
        o.put("keyDomain", group.keyDomain().toString());
        o.put("group", group.keyGroup().toString());
        o.put("serviceType", lower(group.serviceType()));
        o.put("currentMsk", text(group.current()));
        o.put("previousMsk", text(group.previous()));
        o.put("lastKeyNumber", group.lastKeyNumber());
        return o;
    }

    static ObjectNode registration(Registration r) {
        ObjectNode o = object();
        o.put("impi", r.impi());
        o.put("bTid", r.bTid().format());
        o.put("source", r.source().toString());
        o.put("mikeyPort", r.mikeyPort());
        ArrayNode services = o.putArray("services");
        r.services().stream().map(s -> s.value()).sorted().forEach(services::add);
        o.put("lastMukDerivedAt", r.lastMuk().map(m -> m.derivedAt().toString()).orElse(null));
        return o;
    }

    static ObjectNode delivery(DeliveryRecord d) {
        ObjectNode o = object();
        o.put("impi", d.impi());
        o.put("msk", d.msk().toString());
        o.put("csbId", d.csbId().value() & 0xFFFFFFFFL);
        o.put("counter", d.counter().value());
        o.put("firstSentAt", d.firstSentAt().toString());
        o.put("attempts", d.attempts());
        o.put("outcome", lower(d.outcome()));
        o.put("acknowledgedAt", d.acknowledgedAt().map(Object::toString).orElse(null));
        return o;
    }

    static ObjectNode error(String error, String detail) {
        ObjectNode o = object();
        o.put("error", error);
        o.put("detail", detail);
        return o;
    }

    private static String text(Optional<MskRef> msk) {
        return msk.map(MskRef::toString).orElse(null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
