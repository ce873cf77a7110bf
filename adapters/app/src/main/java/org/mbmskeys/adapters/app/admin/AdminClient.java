package org.mbmskeys.adapters.app.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * The admin API's client for {@code mbms-keys admin}: the JDK's {@link HttpClient}, the bearer token on every
 * request, and every failure turned into one sentence an operator can act on ({@link Failure}).
 */
final class AdminClient {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private final String authorization;

    /** @param token the bearer token; checked with {@link AdminToken#of(char[])} by the caller */
    AdminClient(URI base, char[] token) {
        this.base = Objects.requireNonNull(base, "base");
        this.authorization = "Bearer " + new String(token);
    }

    /** A successful answer: its raw JSON text and the parsed tree. */
    record Answer(String text, JsonNode json) {
    }

    /** What went wrong, said for an operator. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message, null, false, false);
        }
    }

    Answer get(String pathAndQuery) throws Failure {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), pathAndQuery);
    }

    Answer post(String path, String jsonBody) throws Failure {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
        if (jsonBody.isEmpty()) {
            request.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
        }
        return send(request, path);
    }

    private Answer send(HttpRequest.Builder builder, String what) throws Failure {
        HttpRequest request = builder.timeout(REQUEST_TIMEOUT).header("Authorization", authorization)
                .header("Accept", "application/json").build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw new Failure("cannot connect to the admin API at " + base + ": no answer within " + CONNECT_TIMEOUT.toSeconds()
                    + " s; check --url");
        } catch (ConnectException e) {
            throw new Failure("cannot connect to the admin API at " + base + " (connection refused): is the BM-SC running "
                    + "with its admin API on that address and port? Give it with --url");
        } catch (HttpTimeoutException e) {
            throw new Failure("the admin API at " + base + " did not answer " + what + " within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw new Failure("the request to the admin API at " + base + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted while waiting for the admin API at " + base);
        }
        JsonNode json;
        try {
            json = AdminJson.MAPPER.readTree(response.body());
        } catch (IOException e) {
            json = null;
        }
        int status = response.statusCode();
        if (json == null || !json.isObject()) {
            throw new Failure(base + " answered " + what + " with HTTP " + status + " and no admin API JSON: is --url the "
                    + "BM-SC's admin API?");
        }
        if (status == 200) {
            return new Answer(response.body(), json);
        }
        String detail = json.path("detail").asText("");
        if (status == 401) {
            throw new Failure("the admin API at " + base + " refused the token (401): " + detail + "; give the BM-SC's admin "
                    + "token with --token-file FILE or " + AdminCommand.TOKEN_ENV);
        }
        if (status == 404) {
            throw new Failure("not found (404): " + detail);
        }
        throw new Failure(json.path("error").asText("error") + " (" + status + "): " + detail);
    }

    private URI uri(String pathAndQuery) {
        String text = base.toString();
        return URI.create((text.endsWith("/") ? text.substring(0, text.length() - 1) : text) + pathAndQuery);
    }
}
