package org.mbmskeys.adapters.app.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mbmskeys.adapters.app.admin.AdminLab.impi;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mbmskeys.adapters.app.JsonCheck;
import org.mbmskeys.engine.spi.InstanceRecord;
import org.mbmskeys.mbms.bmsc.Bmsc;
import org.mbmskeys.mbms.keys.MskRef;
import org.mbmskeys.mbms.ue.Ue;
import org.mbmskeys.mbms.ue.keys.CurrentMtk;
import org.mbmskeys.mbms.ue.keys.MskKey;

/**
 * The admin API's operator actions over a real socket, with their effects on a real BM-SC and its UEs: a rotation
 * makes a new MSK current and pushes it to the registered UEs; MTK delivery starts, sends the next MTK and stops.
 */
class AdminApiActionsTest {

    private final AdminLab lab = new AdminLab();

    @AfterEach
    void close() {
        lab.close();
    }

    private static Map<String, Object> ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JsonCheck.object(response.body());
    }

    @Test
    void aRotationMakesANewMskCurrentAndReachesTheRegisteredUes() throws Exception {
        MskRef before = lab.bmsc.rotate(AdminLab.NEWS);
        Ue alice = lab.registered("alice", "news");

        Map<String, Object> json = ok(lab.post("/v1/key-groups/001-01/0101/rotate"));
        lab.settle();

        MskRef now = lab.bmsc.currentMsk(AdminLab.NEWS).orElseThrow();
        assertThat(now).isNotEqualTo(before);
        assertThat(json).containsEntry("keyGroup", "001-01/0101").containsEntry("msk", now.toString())
                .containsEntry("previousMsk", before.toString()).containsEntry("seqLow", 0L).containsEntry("seqHigh", 65534L);
        assertThat(alice.msks("news")).extracting(MskKey::ref).contains(now);
        assertThat(lab.bmsc.deliveries(impi(1))).last().satisfies(d -> assertThat(d.msk()).isEqualTo(now));
        // The first MSK of a group that never had one.
        Map<String, Object> first = ok(lab.post("/v1/key-groups/001-01/0202/rotate"));
        assertThat(first).containsEntry("previousMsk", null).containsEntry("msk", lab.bmsc.currentMsk(AdminLab.LIVE).orElseThrow().toString());
    }

    @Test
    void aRotationTakesTheNewMsksKeyValidity() throws Exception {
        Ue alice = lab.registered("alice", "news");

        Map<String, Object> json = ok(lab.post("/v1/key-groups/001-01/0101/rotate", "{\"seqLow\": 100, \"seqHigh\": 2000}"));
        lab.settle();

        MskRef msk = MskRef.parse((String) json.get("msk"));
        assertThat(json).containsEntry("seqLow", 100L).containsEntry("seqHigh", 2000L);
        assertThat(alice.msks("news")).filteredOn(k -> k.ref().equals(msk)).singleElement()
                .satisfies(k -> assertThat(k.validity().toString()).isEqualTo("[100..2000]"));
    }

    @Test
    void mtkDeliveryStartsSendsTheNextMtkAndStops() throws Exception {
        lab.bmsc.rotate(AdminLab.LIVE);
        Ue alice = lab.registered("alice", "tv");

        Map<String, Object> started = ok(lab.post("/v1/streaming-sessions/tv-live/start"));
        lab.settle();
        assertThat(started).containsEntry("session", "tv-live").containsEntry("mtkDelivery", "running");
        assertThat(lab.mtkMessagesTo("alice")).isEqualTo(1);
        CurrentMtk first = alice.currentMtk("tv", "tv-live").orElseThrow();
        assertThat(sessions()).containsEntry("mtkDelivery", "running");

        ok(lab.post("/v1/streaming-sessions/tv-live/next-mtk"));
        lab.settle();
        assertThat(lab.mtkMessagesTo("alice")).isEqualTo(2);
        assertThat(alice.currentMtk("tv", "tv-live")).get()
                .satisfies(m -> assertThat(m.mtkId().value()).isGreaterThan(first.mtkId().value()));

        Map<String, Object> stopped = ok(lab.post("/v1/streaming-sessions/tv-live/stop"));
        assertThat(stopped).containsEntry("mtkDelivery", "stopped");
        assertThat(lab.bmsc.engine().instance(Bmsc.MTK_DELIVERY, "tv-live").map(InstanceRecord::state)).isEmpty();
        lab.run(Duration.ofSeconds(30));   // no resend every 5 s once stopped
        assertThat(lab.mtkMessagesTo("alice")).isEqualTo(2);
        assertThat(sessions()).containsEntry("mtkDelivery", "stopped");
    }

    /** RFC 3830 §6.1.1: the media server gives the SRTP sender's ROC; the MSK messages sealed after it carry it. */
    @Test
    void theRolloverCounterGivenReachesTheUeWithItsMtk() throws Exception {
        Map<String, Object> given = ok(lab.post("/v1/streaming-sessions/tv-live/rollover-counter", "{\"roc\": 4294967295}"));
        assertThat(given).containsEntry("session", "tv-live").containsEntry("ssrc", "5eed0001")
                .containsEntry("rolloverCounter", 4294967295L);
        lab.bmsc.rotate(AdminLab.LIVE);
        Ue alice = lab.registered("alice", "tv");
        ok(lab.post("/v1/streaming-sessions/tv-live/start"));
        lab.settle();

        assertThat(alice.currentMtk("tv", "tv-live").orElseThrow().srtpCs()).hasValueSatisfying(cs -> {
            assertThat(cs.ssrc()).isEqualTo(0x5eed0001L);
            assertThat(cs.roc()).isEqualTo(4294967295L);
        });
    }

    @Test
    void mtkDeliveryThatRunsDoesNotStartTwice() throws Exception {
        lab.bmsc.rotate(AdminLab.LIVE);
        lab.registered("alice", "tv");
        assertThat(lab.post("/v1/streaming-sessions/tv-live/start").statusCode()).isEqualTo(200);
        lab.settle();

        HttpResponse<String> again = lab.post("/v1/streaming-sessions/tv-live/start");
        lab.settle();

        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(JsonCheck.object(again.body())).containsEntry("error", "conflict");
        assertThat(lab.bmsc.mtkDeliveryRunning("tv-live")).isTrue();
        assertThat(lab.mtkMessagesTo("alice")).as("no second first MTK").isEqualTo(1);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> sessions() throws Exception {
        return ((List<Map<String, Object>>) ok(lab.get("/v1/streaming-sessions")).get("streamingSessions")).get(0);
    }
}
