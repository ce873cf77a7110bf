package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * The MIKEY datagram event of {@code ue.mikey-reception} as it shows in logs and traces: the UE it reached, where it
 * came from and its size, never its content (TS 33.246 §6.3.2.2.4, §6.3.3.2.1).
 */
class MikeyDatagramTest {

    @Test
    void showsItsUeSourceAndSizeButNotItsBytes() {
        MikeyDatagram datagram = new MikeyDatagram("alice", Endpoint.of("bmsc.example.org", 2269),
                Bytes.ofHex("cafebabe01"));

        assertThat(datagram.toString())
                .contains("alice")
                .contains(Endpoint.of("bmsc.example.org", 2269).toString())
                .contains("5 bytes")
                .doesNotContainIgnoringCase("cafebabe");
        assertThat(datagram.isDownloadObject()).isFalse();
    }

    @Test
    void aFluteObjectComesFromNoAddress() {
        MikeyDatagram object = MikeyDatagram.downloadObject("alice", Bytes.ofHex("0102"));

        assertThat(object.isDownloadObject()).isTrue();
        assertThat(object.from()).isEqualTo(MikeyDatagram.DOWNLOAD_OBJECT);
        assertThat(object.toString()).contains("alice").contains("2 bytes");
    }
}
