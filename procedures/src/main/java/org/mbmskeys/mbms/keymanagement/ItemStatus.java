package org.mbmskeys.mbms.keymanagement;

/**
 * One status code in the body of a key management response: one per MBMS User Service ID of a
 * (de)registration, or per Key Domain ID – MSK ID pair of an MSK request (TS 33.246 §6.3.2.4). The codes
 * are RFC 2616 values; "A successful code, e.g. 200 OK, means that the (de-) registration or MSK request
 * for that specific MBMS User Service ID or MSK was successful" (§6.3.2.4), and table G.2.4-1 lists the
 * errors:
 *
 * <table>
 *   <caption>Table G.2.4-1, HTTP status codes used for key management errors</caption>
 *   <tr><th>code</th><th>UE repeats</th><th>BM-SC uses it</th></tr>
 *   <tr><td>400 Bad Request</td><td>no</td><td>yes</td></tr>
 *   <tr><td>401 Unauthorized</td><td><b>yes</b></td><td>yes</td></tr>
 *   <tr><td>402 Payment Required</td><td>no</td><td>no: "Reserved for future use"</td></tr>
 *   <tr><td>403 Forbidden</td><td>no</td><td>yes</td></tr>
 *   <tr><td>404 Not Found</td><td>no</td><td>yes</td></tr>
 *   <tr><td>405 Method not allowed</td><td>no</td><td>yes</td></tr>
 *   <tr><td>406 to 417</td><td>no</td><td>no: "Not used by BM-SC"</td></tr>
 *   <tr><td>500 Internal Server Error</td><td>no</td><td>no: "Not used by BM-SC"</td></tr>
 *   <tr><td>501 Not Implemented</td><td>no</td><td>yes</td></tr>
 *   <tr><td>502 Bad Gateway</td><td>no</td><td>no: "Not used by BM-SC"</td></tr>
 *   <tr><td>503 Service Unavailable</td><td><b>yes</b>, after Retry-After</td><td>yes</td></tr>
 *   <tr><td>504 Gateway Timeout</td><td>no</td><td>yes: no answer over Zn</td></tr>
 *   <tr><td>505 HTTP Version Not Supported</td><td>no</td><td>yes</td></tr>
 * </table>
 *
 * <p>A UE reads any three-digit code ({@link #received(int)}); a BM-SC writes only the codes it uses
 * ({@link #answer(int)} and the constants).
 *
 * <pre>{@code
 * ItemStatus.received(503).ueRetries();   // true: repeat after Retry-After (see UeRetryPolicy)
 * ItemStatus.answer(500);                 // IllegalArgumentException: not used by the BM-SC (G.2.4)
 * }</pre>
 *
 * @param code the RFC 2616 status code, 100..599
 */
public record ItemStatus(int code) {

    public static final ItemStatus OK = new ItemStatus(200);
    public static final ItemStatus BAD_REQUEST = new ItemStatus(400);
    public static final ItemStatus UNAUTHORIZED = new ItemStatus(401);
    public static final ItemStatus FORBIDDEN = new ItemStatus(403);
    public static final ItemStatus NOT_FOUND = new ItemStatus(404);
    public static final ItemStatus METHOD_NOT_ALLOWED = new ItemStatus(405);
    public static final ItemStatus NOT_IMPLEMENTED = new ItemStatus(501);
    public static final ItemStatus SERVICE_UNAVAILABLE = new ItemStatus(503);
    /** The BM-SC got no answer over Zn from the BSF. */
    public static final ItemStatus GATEWAY_TIMEOUT = new ItemStatus(504);
    public static final ItemStatus HTTP_VERSION_NOT_SUPPORTED = new ItemStatus(505);

    /** @throws IllegalArgumentException if {@code code} is not a three-digit status code (100..599) */
    public ItemStatus {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("a key management status code is an RFC 2616 status code, 100..599; got "
                    + code);
        }
    }

    /**
     * A code as a UE reads it from a response body: any status code, used by the BM-SC or not.
     *
     * @throws IllegalArgumentException if {@code code} is not 100..599
     */
    public static ItemStatus received(int code) {
        return new ItemStatus(code);
    }

    /**
     * A code as a BM-SC writes it: a success (2xx) or an error table G.2.4-1 lets the BM-SC use.
     *
     * @throws IllegalArgumentException for 402, 406–417, 500, 502 and codes outside the table
     */
    public static ItemStatus answer(int code) {
        ItemStatus status = new ItemStatus(code);
        if (!status.usedByBmsc()) {
            throw new IllegalArgumentException("status " + code + " is not a BM-SC key management answer (TS 33.246 "
                    + "table G.2.4-1); use a 2xx success or 400, 401, 403, 404, 405, 501, 503, 504, 505");
        }
        return status;
    }

    /** Any 2xx: the item was (de)registered or the MSK request accepted (§6.3.2.4). */
    public boolean isSuccess() {
        return code >= 200 && code <= 299;
    }

    /** Whether the UE should repeat the request for this item: only for 401 and 503 (table G.2.4-1). */
    public boolean ueRetries() {
        return code == 401 || code == 503;
    }

    /**
     * Whether a BM-SC may send this code: a 2xx success, or an error of table G.2.4-1 that is neither
     * "Not used by BM-SC" (406–417, 500, 502) nor "Reserved for future use" (402).
     */
    public boolean usedByBmsc() {
        if (isSuccess()) {
            return true;
        }
        return switch (code) {
            case 400, 401, 403, 404, 405, 501, 503, 504, 505 -> true;
            default -> false;
        };
    }

    /**
     * The RFC 9110 reason phrase of this code, e.g. {@code Service Unavailable}, or {@code ""} for a code
     * that has none there. Used on the status line and in the {@code ResponseCode} of the XML bodies
     * (TS 26.346 §11.7.2 writes {@code 200 OK}).
     */
    public String reasonPhrase() {
        return switch (code) {
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 203 -> "Non-Authoritative Information";
            case 204 -> "No Content";
            case 205 -> "Reset Content";
            case 206 -> "Partial Content";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 415 -> "Unsupported Media Type";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            case 505 -> "HTTP Version Not Supported";
            default -> "";
        };
    }

    @Override
    public String toString() {
        return Integer.toString(code);
    }
}
