package org.mbmskeys.adapters.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.adapters.app.admin.AdminLab.impi;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.app.JsonCheck;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.Ue;

/**
 * The admin API's queries over a real socket, answered from a real BM-SC with registered UEs: user services, Key
 * Groups (MSK IDs, never keys), registrations page by page and one by IMPI, delivery records by UE and by MSK,
 * streaming sessions.
 */
class AdminApiAnswersTest {

    private final AdminLab lab = new AdminLab();

    @AfterEach
    void close() {
        lab.close();
    }

    private Map<String, Object> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JsonCheck.object(response.body());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> json, String field) {
        return (List<Map<String, Object>>) json.get(field);
    }

    @Test
    void servicesComeWithTheirTypeAndKeyGroups() throws Exception {
        Map<String, Object> json = ok(lab.get("/v1/services"));

        assertThat(list(json, "services")).containsExactly(
                Map.of("serviceId", "news", "serviceType", "download", "keyGroups", List.of("001-01/0101")),
                Map.of("serviceId", "tv", "serviceType", "streaming", "keyGroups", List.of("001-01/0202")));
    }

    @Test
    void keyGroupsNameTheirMskIdsAndNeverAKey() throws Exception {
        MskRef first = lab.bmsc.rotate(AdminLab.NEWS);
        MskRef second = lab.bmsc.rotate(AdminLab.NEWS);
        Ue alice = lab.registered("alice", "news");
        String keyHex = alice.msks("news").stream().filter(k -> k.ref().equals(second)).findFirst().orElseThrow()
                .key().revealHex().toLowerCase(Locale.ROOT);

        HttpResponse<String> response = lab.get("/v1/key-groups");
        Map<String, Object> json = ok(response);

        assertThat(list(json, "keyGroups")).hasSize(2);
        assertThat(list(json, "keyGroups").get(0)).containsEntry("keyGroup", "001-01/0101").containsEntry("keyDomain", "001-01")
                .containsEntry("group", "0101").containsEntry("serviceType", "download")
                .containsEntry("currentMsk", second.toString()).containsEntry("previousMsk", first.toString())
                .containsEntry("lastKeyNumber", 2L);
        assertThat(list(json, "keyGroups").get(1)).containsEntry("keyGroup", "001-01/0202").containsEntry("currentMsk", null);
        assertThat(response.body().toLowerCase(Locale.ROOT)).doesNotContain(keyHex);

        assertThat(ok(lab.get("/v1/key-groups/001-01/0101"))).containsEntry("currentMsk", second.toString());
    }

    @Test
    void theRegistrationsOfAServiceComePageByPage() throws Exception {
        lab.registered("alice", "news");
        lab.registered("bob", "tv");
        lab.registered("carol", "news");

        Map<String, Object> first = ok(lab.get("/v1/registrations?service=news&limit=1"));
        assertThat(first).containsEntry("service", "news").containsEntry("next", impi(1));
        assertThat(list(first, "registrations")).singleElement().satisfies(r -> {
            assertThat(r).containsEntry("impi", impi(1)).containsEntry("services", List.of("news")).containsEntry("mikeyPort", 0L);
            assertThat((String) r.get("bTid")).endsWith("@bsf.example.org");
            assertThat((String) r.get("source")).startsWith("alice:");
        });
        Map<String, Object> second = ok(lab.get("/v1/registrations?service=news&limit=1&after=" + impi(1)));
        assertThat(list(second, "registrations")).extracting(r -> r.get("impi")).containsExactly(impi(3));
        Map<String, Object> last = ok(lab.get("/v1/registrations?service=news&limit=1&after=" + impi(3)));
        assertThat(list(last, "registrations")).isEmpty();
        assertThat(last).containsEntry("next", null);
        Map<String, Object> all = ok(lab.get("/v1/registrations?service=news"));
        assertThat(list(all, "registrations")).extracting(r -> r.get("impi")).containsExactly(impi(1), impi(3));
        assertThat(all).containsEntry("next", null);
    }

    @Test
    void oneRegistrationByImpi() throws Exception {
        lab.registered("alice", "tv");

        Map<String, Object> json = ok(lab.get("/v1/registrations/" + impi(1)));

        assertThat(json).containsEntry("impi", impi(1)).containsEntry("services", List.of("tv"));
        assertThat(json.get("lastMukDerivedAt")).isNotNull();
    }

    @Test
    void deliveryRecordsByUeAndByMsk() throws Exception {
        MskRef msk = lab.bmsc.rotate(AdminLab.NEWS);
        lab.registered("alice", "news");
        lab.registered("bob", "news");

        Map<String, Object> byUe = ok(lab.get("/v1/deliveries?impi=" + impi(1)));
        assertThat(byUe).containsEntry("impi", impi(1));
        assertThat(list(byUe, "deliveries")).singleElement().satisfies(d -> {
            assertThat(d).containsEntry("msk", msk.toString()).containsEntry("outcome", "delivered").containsEntry("attempts", 1L);
            assertThat(d.get("acknowledgedAt")).isNotNull();
            assertThat(d.get("firstSentAt")).isNotNull();
        });
        Map<String, Object> byMsk = ok(lab.get("/v1/deliveries?msk=" + msk));
        assertThat(list(byMsk, "deliveries")).extracting(d -> d.get("impi")).containsExactlyInAnyOrder(impi(1), impi(2));
        assertThat(list(ok(lab.get("/v1/deliveries?msk=001-01/01010007")), "deliveries")).isEmpty();
    }

    @Test
    void streamingSessionsSayWhetherMtkDeliveryRuns() throws Exception {
        Map<String, Object> json = ok(lab.get("/v1/streaming-sessions"));

        assertThat(list(json, "streamingSessions")).singleElement().satisfies(s -> assertThat(s)
                .containsEntry("session", "tv-live").containsEntry("keyGroup", "001-01/0202")
                .containsEntry("currentMsk", null).containsEntry("mtkDelivery", "stopped")
                .containsEntry("ssrc", "5eed0001").containsEntry("rolloverCounter", 0L));
    }
}
