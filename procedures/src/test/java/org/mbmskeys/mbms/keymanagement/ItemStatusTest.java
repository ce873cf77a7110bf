package org.mbmskeys.mbms.keymanagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * TS 33.246 table G.2.4-1 ("HTTP Status Codes used for key management errors"), one row per code: the
 * "UE should repeat the request" column is Yes only for 401 and 503 ("UE may repeat the request after delay
 * indicated by "Retry-After" header"); 402 is "Reserved for future use"; 406 to 417, 500 and 502 are "Not
 * used by BM-SC". §6.3.2.4: "A successful code, e.g. 200 OK, means that the ... request for that specific
 * MBMS User Service ID or MSK was successful".
 */
class ItemStatusTest {

    @ParameterizedTest(name = "{0}: UE repeats {1}, BM-SC uses {2}")
    @CsvSource({
        "400, false, true",
        "401, true,  true",
        "402, false, false",
        "403, false, true",
        "404, false, true",
        "405, false, true",
        "406, false, false",
        "407, false, false",
        "408, false, false",
        "409, false, false",
        "410, false, false",
        "411, false, false",
        "412, false, false",
        "413, false, false",
        "414, false, false",
        "415, false, false",
        "416, false, false",
        "417, false, false",
        "500, false, false",
        "501, false, true",
        "502, false, false",
        "503, true,  true",
        "504, false, true",
        "505, false, true",
    })
    void tableG24Row(int code, boolean ueRetries, boolean usedByBmsc) {
        ItemStatus status = ItemStatus.received(code);

        assertThat(status.ueRetries()).isEqualTo(ueRetries);
        assertThat(status.usedByBmsc()).isEqualTo(usedByBmsc);
        assertThat(status.isSuccess()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204, 299})
    void any2xxIsASuccessTheBmscMaySend(int code) {
        ItemStatus status = ItemStatus.answer(code);

        assertThat(status.isSuccess()).isTrue();
        assertThat(status.ueRetries()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {402, 406, 410, 417, 500, 502, 418, 599, 302})
    void theBmscCannotAnswerWithACodeTheTableDoesNotGiveIt(int code) {
        assertThatThrownBy(() -> ItemStatus.answer(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("status " + code + " is not a BM-SC key management answer (TS 33.246 table G.2.4-1); "
                        + "use a 2xx success or 400, 401, 403, 404, 405, 501, 503, 504, 505");
    }

    @Test
    void theConstantsAreTheCodesTheBmscUses() {
        for (ItemStatus s : new ItemStatus[] {ItemStatus.OK, ItemStatus.BAD_REQUEST, ItemStatus.UNAUTHORIZED,
            ItemStatus.FORBIDDEN, ItemStatus.NOT_FOUND, ItemStatus.METHOD_NOT_ALLOWED, ItemStatus.NOT_IMPLEMENTED,
            ItemStatus.SERVICE_UNAVAILABLE, ItemStatus.GATEWAY_TIMEOUT, ItemStatus.HTTP_VERSION_NOT_SUPPORTED}) {
            assertThat(ItemStatus.answer(s.code())).isEqualTo(s);
        }
        assertThat(ItemStatus.GATEWAY_TIMEOUT.code()).isEqualTo(504);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 99, 600, -200})
    void aNumberThatIsNoStatusCodeIsRefused(int code) {
        assertThatThrownBy(() -> ItemStatus.received(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("a key management status code is an RFC 2616 status code, 100..599");
    }
}
