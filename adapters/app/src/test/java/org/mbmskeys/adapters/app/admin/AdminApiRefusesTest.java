package org.mbmskeys.adapters.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mbmskeys.adapters.app.JsonCheck;
import org.mbmskeys.mbms.keys.MskRef;

/**
 * What the admin API refuses, over a real socket: no or a wrong token (401), unknown paths and things (404), the
 * wrong method (405), bad parameters and bodies (400, 415, 413), actions the state does not allow (409). Each
 * answer is {"error", "detail"} JSON, never a 500, and the BM-SC is left as it was.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)   // one BM-SC for all: no refusal may change it, so none disturbs another
class AdminApiRefusesTest {

    private final AdminLab lab = new AdminLab();
    private final MskRef current = lab.bmsc.rotate(AdminLab.NEWS);

    @AfterAll
    void close() {
        lab.close();
    }

    private Map<String, Object> refused(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        Map<String, Object> json = JsonCheck.object(response.body());
        assertThat(json).containsOnlyKeys("error", "detail").containsEntry("error", error);
        assertThat(lab.bmsc.currentMsk(AdminLab.NEWS)).as("a refused request changes nothing").contains(current);
        assertThat(lab.bmsc.mtkDeliveryRunning("tv-live")).isFalse();
        return json;
    }

    private HttpRequest.Builder withoutToken(String path) {
        return HttpRequest.newBuilder(URI.create(lab.url() + path)).timeout(Duration.ofSeconds(30));
    }

    @Test
    void aRequestWithoutTheTokenIsRefusedWith401AndChangesNothing() throws Exception {
        HttpResponse<String> none = lab.send(withoutToken("/v1/key-groups/001-01/0101/rotate")
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertThat(refused(none, 401, "unauthorized").get("detail").toString()).contains("Authorization: Bearer");
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));

        HttpResponse<String> wrong = lab.send(withoutToken("/v1/key-groups/001-01/0101/rotate")
                .header("Authorization", "Bearer " + AdminLab.TOKEN + "x").POST(HttpRequest.BodyPublishers.noBody()).build());
        refused(wrong, 401, "unauthorized");
        HttpResponse<String> basic = lab.send(withoutToken("/v1/services").header("Authorization", "Basic " + AdminLab.TOKEN).build());
        refused(basic, 401, "unauthorized");
        // Unauthenticated callers do not learn which paths exist.
        refused(lab.send(withoutToken("/nothing-here").build()), 401, "unauthorized");
    }

    @Test
    void refusalsAreLoggedOnceAndNeverWithTheToken() throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            lab.send(withoutToken("/v1/services").header("Authorization", "Bearer wrong-" + AdminLab.TOKEN).build());
            lab.get("/v1/key-groups/001-01/0999");
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("refused GET /v1/services from 127.0.0.1:").contains("with 401");
        assertThat(log).contains("refused GET /v1/key-groups/001-01/0999 from 127.0.0.1:").contains("with 404");
        assertThat(log.lines().filter(l -> l.contains("refused"))).hasSize(2);
        assertThat(log).doesNotContain(AdminLab.TOKEN);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "GET, /, not_found",
            "GET, /v2/services, not_found",
            "GET, /v1/nothing, not_found",
            "GET, /v1/key-groups/001-01/0999, not_found",
            "POST, /v1/key-groups/001-01/0999/rotate, not_found",
            "GET, /v1/registrations/001019999999999@ims.mnc001.mcc001.3gppnetwork.org, not_found",
            "GET, /v1/registrations?service=weather, not_found",
            "GET, /v1/deliveries?impi=001019999999999@ims.mnc001.mcc001.3gppnetwork.org, not_found",
            "GET, /v1/deliveries?msk=001-01/09990001, not_found",
            "POST, /v1/streaming-sessions/no-such/start, not_found",
            "POST, /v1/streaming-sessions/tv-live/rewind, not_found",
            "POST, /v1/services, method_not_allowed",
            "DELETE, /v1/key-groups, method_not_allowed",
            "GET, /v1/key-groups/001-01/0101/rotate, method_not_allowed",
            "GET, /v1/streaming-sessions/tv-live/start, method_not_allowed",
            "GET, /v1/key-groups/1-1/0101, bad_request",
            "GET, /v1/key-groups/001-01/zz, bad_request",
            "POST, /v1/key-groups/001-01/0000/rotate, bad_request",
            "GET, /v1/registrations, bad_request",
            "GET, /v1/registrations?service=news&limit=0, bad_request",
            "GET, /v1/registrations?service=news&limit=1001, bad_request",
            "GET, /v1/registrations?service=news&limit=ten, bad_request",
            "GET, /v1/registrations?service=news&service=tv, bad_request",
            "GET, /v1/registrations?service=news&page=2, bad_request",
            "GET, /v1/registrations/two%20words, bad_request",
            "GET, /v1/registrations?service=two%20words, bad_request",
            "GET, /v1/deliveries, bad_request",
            "GET, /v1/deliveries?msk=0101, bad_request",
            "GET, /v1/deliveries?impi=a@b&msk=001-01/01010001, bad_request",
            "POST, /v1/streaming-sessions/tv-live/stop, conflict",
            "POST, /v1/streaming-sessions/tv-live/next-mtk, conflict",
            "POST, /v1/streaming-sessions/tv-live/start, conflict",
    })
    void refused(String method, String path, String error) throws Exception {
        HttpResponse<String> response = lab.send(lab.request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());

        int status = switch (error) {
            case "not_found" -> 404;
            case "method_not_allowed" -> 405;
            case "conflict" -> 409;
            default -> 400;
        };
        Map<String, Object> json = refused(response, status, error);
        assertThat((String) json.get("detail")).isNotBlank();
        if (status == 405) {
            assertThat(response.headers().firstValue("Allow")).isPresent();
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "/v1/deliveries?msk=001-01/00000001",
            "/v1/deliveries?msk=001-01/0101000",
            "/v1/deliveries?msk=999/01010001",
            "/v1/deliveries?impi=%00",
            "/v1/deliveries?impi=",
            "/v1/registrations?service=",
            "/v1/registrations?service=news&after=",
            "/v1/registrations?service=news&limit=+5",
            "/v1/registrations?service=news&limit=2147483648",
            "/v1/registrations?service=news&limit=-1",
            "/v1/registrations/%E2%80%AE%0A",
            "/v1/registrations/%2F%2F",
            "/v1/key-groups/%2F/%2F",
            "/v1/key-groups/001-01/10000",
            "/v1/key-groups/001-01/-001",
            "/v1//services",
            "/v1/streaming-sessions//start",
            "/v1/streaming-sessions/%00/stop",
            "/v1/services?",
            "/v1/services#x",
            "//",
            "/%2e%2e/v1/services",
    })
    void oddInputIsNeverA500(String path) throws Exception {
        for (String method : new String[] {"GET", "POST"}) {
            HttpResponse<String> response = lab.send(lab.request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());

            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isBetween(200, 499);
            assertThat(lab.bmsc.currentMsk(AdminLab.NEWS)).contains(current);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"seqLow\": 1|bad_request",
            "[1, 2]|bad_request",
            "{\"seqLow\": 1} {}|bad_request",
            "{\"seqLow\": \"one\"}|bad_request",
            "{\"seqLow\": 1.5}|bad_request",
            "{\"seqLow\": -1}|bad_request",
            "{\"seqHigh\": 65535}|bad_request",
            "{\"seqLow\": 10, \"seqHigh\": 10}|bad_request",
            "{\"seqLow\": 1, \"seqLow\": 2}|bad_request",
            "{\"validity\": 5}|bad_request",
    })
    void aRotationWithABadBodyIsRefused(String body, String error) throws Exception {
        refused(lab.post("/v1/key-groups/001-01/0101/rotate", body), 400, error);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{}|400",
            "{\"roc\": -1}|400",
            "{\"roc\": 4294967296}|400",
            "{\"roc\": 1.5}|400",
            "{\"roc\": \"7\"}|400",
            "{\"roc\": 7, \"ssrc\": 1}|400",
    })
    void aRolloverCounterThatIsNot32BitsIsRefused(String body, int status) throws Exception {
        refused(lab.post("/v1/streaming-sessions/tv-live/rollover-counter", body), status, "bad_request");
        assertThat(lab.bmsc.streamingSession("tv-live").orElseThrow().srtpCs().roc()).isZero();
        refused(lab.post("/v1/streaming-sessions/no-such/rollover-counter", "{\"roc\": 1}"), 404, "not_found");
    }

    @Test
    void aBodyMustBeJsonAndSmall() throws Exception {
        refused(lab.send(lab.request("/v1/key-groups/001-01/0101/rotate").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build()), 415, "unsupported_media_type");
        refused(lab.send(lab.request("/v1/services").header("Content-Type", "application/json")
                .method("GET", HttpRequest.BodyPublishers.ofString("{}")).build()), 400, "bad_request");
        refused(lab.post("/v1/streaming-sessions/tv-live/start", "{\"now\": true}"), 400, "bad_request");
        String big = "{\"seqLow\": 1, \"pad\": \"" + "x".repeat(20_000) + "\"}";
        refused(lab.post("/v1/key-groups/001-01/0101/rotate", big), 413, "payload_too_large");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a bad escape in the query|GET /v1/services?x=%zz HTTP/1.1|400",
            "a bad escape in the path|GET /v1/registrations/%zz HTTP/1.1|400",
            "not HTTP|HELLO|400",
            "a request line over 4 KiB|GET /v1/LONG HTTP/1.1|414",
    })
    void whatIsNotAnHttpRequestTheApiReadsIsRefused(String what, String requestLine, int status) throws Exception {
        String line = requestLine.replace("LONG", "x".repeat(5000));
        String answer = raw(line + "\r\nHost: localhost\r\nAuthorization: Bearer " + AdminLab.TOKEN
                + "\r\nConnection: close\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 " + status + " ");
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(JsonCheck.object(body)).containsEntry("error", "bad_request");
        assertThat(lab.bmsc.currentMsk(AdminLab.NEWS)).contains(current);
    }

    @Test
    void headersOver8KiBAre431() throws Exception {
        String answer = raw("GET /v1/services HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + AdminLab.TOKEN
                + "\r\nX-Pad: " + "p".repeat(9000) + "\r\n\r\n");

        assertThat(answer).startsWith("HTTP/1.1 431 ");
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrderRefusalsToo() throws Exception {
        String authorized = "GET /v1/services HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + AdminLab.TOKEN + "\r\n\r\n";
        String anonymous = "GET /v1/key-groups HTTP/1.1\r\nHost: localhost\r\n\r\n";
        String last = "GET /v1/streaming-sessions HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + AdminLab.TOKEN
                + "\r\nConnection: close\r\n\r\n";

        String answers = raw(authorized + anonymous + last);

        assertThat(answers).containsSubsequence("HTTP/1.1 200 ", "\"services\"", "HTTP/1.1 401 ", "\"unauthorized\"",
                "HTTP/1.1 200 ", "\"streamingSessions\"");
    }

    /** Sends {@code request} as it is on a fresh connection and reads the answer until the server closes it. */
    private String raw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", lab.admin.localEndpoint().port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void mtkDeliveryDoesNotStartWithoutACurrentMsk() throws Exception {
        Map<String, Object> json = refused(lab.post("/v1/streaming-sessions/tv-live/start"), 409, "conflict");
        assertThat((String) json.get("detail")).contains("no current MSK").contains("/v1/key-groups/001-01/0202/rotate");
        assertThat(lab.carried()).as("nothing sent").isEmpty();
    }
}
