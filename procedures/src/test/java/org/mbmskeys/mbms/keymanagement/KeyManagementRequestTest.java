package org.mbmskeys.mbms.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TS 33.246 Annex G: G.2.1 "Request-URI takes the form of "/keymanagement?requesttype= register"",
 * Content-Type "application/mbms-register+xml", answered "application/mbms-register-response+xml"; G.2.2
 * deregister with "application/mbms-deregister+xml", answered "application/mbms-register-response+xml";
 * G.2.3 msk-request with "application/mbms-msk+xml", answered "application/mbms-msk-response+xml"; each:
 * "the UE may add additional URI parameters to the Request-URI". Annex H step 7 answers an MSK request
 * with "Content-Type: application/mbms-msk+xml".
 */
class KeyManagementRequestTest {

    @ParameterizedTest
    @CsvSource({
        "REGISTER,    /keymanagement?requesttype=register,    application/mbms-register+xml,   application/mbms-register-response+xml",
        "DEREGISTER,  /keymanagement?requesttype=deregister,  application/mbms-deregister+xml, application/mbms-register-response+xml",
        "MSK_REQUEST, /keymanagement?requesttype=msk-request, application/mbms-msk+xml,        application/mbms-msk-response+xml",
    })
    void eachRequestHasItsAnnexGTargetAndMediaTypes(KeyManagementRequest request, String target, String requestType,
                                                    String responseType) {
        assertThat(request.requestTarget()).isEqualTo(target);
        assertThat(request.requestMediaType()).isEqualTo(requestType);
        assertThat(request.responseMediaType()).isEqualTo(responseType);
        assertThat(KeyManagementRequest.METHOD).isEqualTo("POST");
        assertThat(KeyManagementRequest.parse(target)).contains(request);
    }

    @ParameterizedTest
    @CsvSource({
        "/keymanagement?requesttype=register&lang=en,                   REGISTER",
        "/keymanagement?x=1&requesttype=msk-request&y,                   MSK_REQUEST",
        "/keymanagement?requesttype=%20register,                         REGISTER",
        "/keymanagement?requesttype=+deregister,                         DEREGISTER",
        "http://bmsc.home1.net:1234/keymanagement?requesttype=msk-request, MSK_REQUEST",
    })
    void extraParametersAndTheStraySpaceOfTheTextAreTolerated(String target, KeyManagementRequest expected) {
        assertThat(KeyManagementRequest.parse(target)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/keymanagement", "/keymanagement?", "/keymanagement?requesttype=",
        "/keymanagement?requesttype=renew", "/keymanagement?requesttype=register&requesttype=deregister",
        "/keymanagement?requesttype", "/keymanagement/x?requesttype=register", "/other?requesttype=register",
        "keymanagement?requesttype=register", "/keymanagement?type=register"})
    void aMalformedRequestUriNamesNoRequest(String target) {
        assertThat(KeyManagementRequest.parse(target)).isEqualTo(Optional.empty());
    }

    @Test
    void aDeregistrationIsAnsweredWithTheRegisterResponseType() {
        assertThat(KeyManagementRequest.DEREGISTER.acceptsResponseType("application/mbms-register-response+xml")).isTrue();
        assertThat(KeyManagementRequest.DEREGISTER.acceptsResponseType("application/mbms-deregister+xml")).isFalse();
    }

    @Test
    void anMskRequestAlsoAcceptsTheMskTypeOfTheAnnexHExample() {
        assertThat(KeyManagementRequest.MSK_REQUEST.acceptsResponseType("application/mbms-msk-response+xml")).isTrue();
        assertThat(KeyManagementRequest.MSK_REQUEST.acceptsResponseType("application/mbms-msk+xml")).isTrue();
        assertThat(KeyManagementRequest.MSK_REQUEST.acceptsResponseType("Application/MBMS-MSK-Response+XML; charset=UTF-8"))
                .isTrue();
        assertThat(KeyManagementRequest.REGISTER.acceptsResponseType("application/mbms-register+xml")).isFalse();
        assertThat(KeyManagementRequest.REGISTER.acceptsResponseType("application/mbms-msk+xml")).isFalse();
        assertThat(KeyManagementRequest.MSK_REQUEST.acceptsResponseType("text/html")).isFalse();
        assertThat(KeyManagementRequest.MSK_REQUEST.acceptsResponseType(null)).isFalse();
    }
}
