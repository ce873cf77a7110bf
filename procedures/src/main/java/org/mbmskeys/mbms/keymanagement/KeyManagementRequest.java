package org.mbmskeys.mbms.keymanagement;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The three HTTP key management requests of TS 33.246 Annex G. Each is an HTTP/1.1 POST to
 * {@code /keymanagement} whose query parameter {@code requesttype} names the procedure; "the UE may add
 * additional URI parameters to the Request-URI" (G.2.1–G.2.3).
 *
 * <table>
 *   <caption>Annex G request and response media types</caption>
 *   <tr><th>request</th><th>requesttype</th><th>request Content-Type</th><th>200 Content-Type</th></tr>
 *   <tr><td>{@link #REGISTER} (G.2.1)</td><td>register</td><td>application/mbms-register+xml</td>
 *       <td>application/mbms-register-response+xml</td></tr>
 *   <tr><td>{@link #DEREGISTER} (G.2.2)</td><td>deregister</td><td>application/mbms-deregister+xml</td>
 *       <td>application/mbms-register-response+xml (the register response type)</td></tr>
 *   <tr><td>{@link #MSK_REQUEST} (G.2.3)</td><td>msk-request</td><td>application/mbms-msk+xml</td>
 *       <td>application/mbms-msk-response+xml</td></tr>
 * </table>
 *
 * <pre>{@code
 * KeyManagementRequest.MSK_REQUEST.requestTarget();   // /keymanagement?requesttype=msk-request
 * KeyManagementRequest.parse("/keymanagement?requesttype=register&lang=en");   // Optional[REGISTER]
 * }</pre>
 */
public enum KeyManagementRequest {

    REGISTER("register", "application/mbms-register+xml", "application/mbms-register-response+xml"),
    DEREGISTER("deregister", "application/mbms-deregister+xml", "application/mbms-register-response+xml"),
    MSK_REQUEST("msk-request", "application/mbms-msk+xml", "application/mbms-msk-response+xml");

    /** The HTTP method of every key management request (Annex G: HTTP POST). */
    public static final String METHOD = "POST";

    /** The path of the key management resource (Annex G, Annex H step 1). */
    public static final String PATH = "/keymanagement";

    /** The query parameter that names the procedure. */
    public static final String REQUEST_TYPE_PARAMETER = "requesttype";

    private final String requestType;
    private final String requestMediaType;
    private final String responseMediaType;

    KeyManagementRequest(String requestType, String requestMediaType, String responseMediaType) {
        this.requestType = requestType;
        this.requestMediaType = requestMediaType;
        this.responseMediaType = responseMediaType;
    }

    /** The value of {@code requesttype}, e.g. {@code msk-request}. */
    public String requestType() {
        return requestType;
    }

    /** The origin-form request target the UE sends, e.g. {@code /keymanagement?requesttype=register}. */
    public String requestTarget() {
        return PATH + "?" + REQUEST_TYPE_PARAMETER + "=" + requestType;
    }

    /** The Content-Type of the request body. */
    public String requestMediaType() {
        return requestMediaType;
    }

    /** The Content-Type the BM-SC gives a 200 answer (G.2.2: a deregistration reuses the register response type). */
    public String responseMediaType() {
        return responseMediaType;
    }

    /**
     * Whether a UE takes a 200 answer with this Content-Type. Media types compare without case and
     * parameters (RFC 7231 §3.1.1.1). Besides {@link #responseMediaType()}, an MSK request also takes
     * {@code application/mbms-msk+xml}: the Annex H step 7 example answers with that type, so a BM-SC
     * built from the example may send it.
     */
    public boolean acceptsResponseType(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals(responseMediaType) || (this == MSK_REQUEST && mediaType.equals(requestMediaType));
    }

    /**
     * The request a Request-URI names, as the BM-SC reads it: path {@code /keymanagement} (origin form, or
     * absolute form with any scheme and authority) and exactly one {@code requesttype} among any other
     * query parameters, in any order. The value is percent-decoded and trimmed, so the stray space of the
     * normative text ({@code requesttype= register}) is read too.
     *
     * @return empty if the path differs, {@code requesttype} is missing, repeated or unknown: for the BM-SC
     *         a malformed Request-URI, answered 404 (table G.2.4-1)
     */
    public static Optional<KeyManagementRequest> parse(String requestTarget) {
        Optional<List<String>> types = parameterValues(requestTarget, REQUEST_TYPE_PARAMETER);
        if (types.isEmpty() || types.get().size() != 1 || types.get().get(0) == null) {
            return Optional.empty();
        }
        for (KeyManagementRequest request : values()) {
            if (request.requestType.equals(types.get().get(0))) {
                return Optional.of(request);
            }
        }
        return Optional.empty();
    }

    /**
     * The values of query parameter {@code name} in a key management Request-URI, percent-decoded and trimmed, in
     * their order ({@code null} for a parameter without {@code =}).
     *
     * @return empty if the path is not {@link #PATH} or there is no query
     */
    static Optional<List<String>> parameterValues(String requestTarget, String name) {
        Objects.requireNonNull(requestTarget, "requestTarget");
        String target = withoutSchemeAndAuthority(requestTarget);
        int query = target.indexOf('?');
        String path = query < 0 ? target : target.substring(0, query);
        if (!path.equals(PATH) || query < 0) {
            return Optional.empty();
        }
        List<String> values = new ArrayList<>();
        for (String parameter : target.substring(query + 1).split("&")) {
            int eq = parameter.indexOf('=');
            if (decode(eq < 0 ? parameter : parameter.substring(0, eq)).equals(name)) {
                values.add(eq < 0 ? null : decode(parameter.substring(eq + 1)));
            }
        }
        return Optional.of(values);
    }

    private static String withoutSchemeAndAuthority(String target) {
        int scheme = target.indexOf("://");
        if (scheme < 0 || target.startsWith("/")) {
            return target;
        }
        int path = target.indexOf('/', scheme + 3);
        return path < 0 ? "" : target.substring(path);
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8).strip();
        } catch (IllegalArgumentException e) {
            return text; // a bad %-escape is simply not a known name or value
        }
    }
}
