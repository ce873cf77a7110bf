package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.mbmskeys.mbms.bmsc.services.KeyGroupRef;
import org.mbmskeys.mbms.gba.Impi;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;

/**
 * Reads the admin API's inputs (path segments, query parameters, JSON bodies) into domain values, or refuses them
 * with a 400 (415 for a body that is not JSON) that says what is allowed. Nothing here touches the BM-SC.
 */
final class AdminInputs {

    private AdminInputs() {
    }

    /** @throws AdminRefusal 400 if {@code domain}/{@code group} is not a Key Domain ID and a Key Group other than 0 */
    static KeyGroupRef group(String domain, String group) {
        try {
            return KeyGroupRef.of(KeyDomainId.parse(domain), KeyGroup.parseHex(group));
        } catch (IllegalArgumentException e) {
            throw AdminRefusal.badRequest(e.getMessage());
        }
    }

    /** @throws AdminRefusal 400 if {@code impi} is empty, too long or holds white space or control characters */
    static void impi(String impi) {
        try {
            Impi.require(impi);
        } catch (IllegalArgumentException e) {
            throw AdminRefusal.badRequest(e.getMessage());
        }
    }

    /**
     * The {@code limit} parameter.
     *
     * @throws AdminRefusal 400 unless a whole number from 1 to {@link AdminApi#MAX_PAGE}
     */
    static int pageSize(String text) {
        int limit;
        try {
            limit = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw AdminRefusal.badRequest("limit must be a whole number from 1 to " + AdminApi.MAX_PAGE + ", got '" + text + "'");
        }
        if (limit < 1 || limit > AdminApi.MAX_PAGE) {
            throw AdminRefusal.badRequest("limit must be from 1 to " + AdminApi.MAX_PAGE + ", got " + limit);
        }
        return limit;
    }

    /**
     * The request's body as a JSON object (empty: {@code {}}) with no field but {@code fields}.
     *
     * @throws AdminRefusal 415 for a body that is not {@code application/json}, 400 for one that is not one JSON
     *                      object or names another field
     */
    static ObjectNode jsonBody(AdminRequest request, Set<String> fields) {
        if (request.body().length > 0) {
            String type = request.contentType().orElse("");
            if (!type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
                throw new AdminRefusal(HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                        "a body must be application/json, got " + (type.isEmpty() ? "no Content-Type" : "'" + type + "'"));
            }
        }
        ObjectNode body = AdminJson.body(request.body());
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                throw AdminRefusal.badRequest("unknown field '" + name + "'; " + (fields.isEmpty()
                        ? request.path() + " takes no fields" : request.path() + " takes " + fields.stream().sorted().toList()));
            }
        }
        return body;
    }

    /**
     * The MTK ID in field {@code name}, {@code otherwise} when absent.
     *
     * @throws AdminRefusal 400 unless a whole number from 0 to 65535
     */
    static int intField(ObjectNode body, String name, int otherwise) {
        JsonNode node = body.get(name);
        if (node == null) {
            return otherwise;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 0 || node.intValue() > 0xFFFF) {
            throw AdminRefusal.badRequest("'" + name + "' must be an MTK ID, a whole number from 0 to 65535, got " + node);
        }
        return node.intValue();
    }

    /**
     * The SRTP rollover counter in field {@code name}, which must be there.
     *
     * @throws AdminRefusal 400 unless a whole number from 0 to 4294967295 (RFC 3830 §6.1.1: ROC is 32 bits)
     */
    static long rocField(ObjectNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0
                || node.longValue() > 0xFFFF_FFFFL) {
            throw AdminRefusal.badRequest("'" + name + "' must be the SRTP rollover counter, a whole number from 0 to "
                    + "4294967295 (RFC 3830 §6.1.1), got " + node);
        }
        return node.longValue();
    }
}
