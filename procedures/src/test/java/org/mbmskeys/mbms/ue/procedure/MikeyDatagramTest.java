package org.mbmskeys.mbms.ue.procedure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.spi.Endpoint;

/**
 * A MIKEY message handed to a UE (TS 33.246 §6.4): a log line names the UE, where it came from and its size,
 * never its bytes (they carry the encrypted key and its MAC).
 */
class MikeyDatagramTest {

    @Test
    void aLogLineNamesTheUeTheSenderAndTheSizeButNotTheBytes() {
        MikeyDatagram datagram = new MikeyDatagram("alice", Endpoint.of("bmsc.example.org", 2269),
                Bytes.ofHex("0a0b0c0d"));

        assertThat(datagram.toString()).contains("alice", "bmsc.example.org:2269", "4 bytes")
                .doesNotContain("0a0b0c0d");
    }

    @Test
    void onlyAnObjectOfADownloadSessionIsADownloadObject() {
        assertThat(MikeyDatagram.downloadObject("alice", Bytes.ofHex("01")).isDownloadObject()).isTrue();
        assertThat(new MikeyDatagram("alice", Endpoint.of("bmsc.example.org", 2269), Bytes.ofHex("01"))
                .isDownloadObject()).isFalse();
    }
}
