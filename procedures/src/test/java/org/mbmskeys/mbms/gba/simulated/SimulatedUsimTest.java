package org.mbmskeys.mbms.gba.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mbmskeys.mbms.gba.TestSupport.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.mbms.gba.GbaMode;
import org.mbmskeys.mbms.gba.TestSupport;

/**
 * USIM side of AKA (TS 33.102 §6.3.3). The challenge is assembled by hand from the OFFICIAL TS 35.208
 * Test Set 1 values: AUTN = (SQN ⊕ AK) ‖ AMF ‖ MAC-A with SQN ff9bb4d0b607, AK aa689c648370, AMF b9b9,
 * MAC-A 4a9ffac354dfafb3; the expected RES/CK/IK are the official f2/f3/f4 outputs.
 */
class SimulatedUsimTest {

    private static final Bytes RAND = Bytes.ofHex(TestSupport.RAND_SET1);
    private static final Sqn SQN = Sqn.fromBytes(Bytes.ofHex("ff9bb4d0b607"));
    private static final Bytes AUTN = xor(Bytes.ofHex("ff9bb4d0b607"), Bytes.ofHex("aa689c648370"))
            .concat(Bytes.ofHex("b9b9"))
            .concat(Bytes.ofHex("4a9ffac354dfafb3"));

    private static SimulatedUsim usimBelow(Sqn highestAccepted) {
        return new SimulatedUsim(TestSupport.IMPI, TestSupport.k(), TestSupport.opc(), highestAccepted, GbaMode.GBA_ME);
    }

    @Test
    void genuineFreshChallengeGivesTheOfficialResCkIk() {
        SimulatedUsim usim = usimBelow(Sqn.of(SQN.value() - 1));

        AkaResult result = usim.authenticate(RAND, AUTN);

        assertThat(result).isInstanceOf(AkaResult.Success.class);
        AkaResult.Success success = (AkaResult.Success) result;
        assertThat(success.res().toHex()).isEqualTo("a54211d5e3ba50bf");
        assertThat(success.ck().revealHex()).isEqualTo("b40ba9a3c58b2a05bbf0d987b21bf8cb");
        assertThat(success.ik().revealHex()).isEqualTo("f769bcd751044604127672711c6d3441");
        assertThat(usim.highestAcceptedSqn()).isEqualTo(SQN);
    }

    @ParameterizedTest(name = "AUTN byte {0} flipped")
    @ValueSource(ints = {0, 5, 6, 7, 8, 15})
    void flippedAutnByteIsMacFailure(int index) {
        SimulatedUsim usim = usimBelow(Sqn.of(0));

        assertThat(usim.authenticate(RAND, AUTN.withByteXored(index, 0x01))).isInstanceOf(AkaResult.MacFailure.class);
        assertThat(usim.highestAcceptedSqn()).isEqualTo(Sqn.of(0));
    }

    @Test
    void flippedRandByteIsMacFailure() {
        assertThat(usimBelow(Sqn.of(0)).authenticate(RAND.withByteXored(3, 0x10), AUTN))
                .isInstanceOf(AkaResult.MacFailure.class);
    }

    @Test
    void wrongKIsMacFailure() {
        SimulatedUsim usim = new SimulatedUsim(TestSupport.IMPI,
                SecretBytes.ofHex("465b5ce8b199b49faa5f0a2ee238a6bd"), TestSupport.opc(), Sqn.of(0), GbaMode.GBA_ME);

        assertThat(usim.authenticate(RAND, AUTN)).isInstanceOf(AkaResult.MacFailure.class);
    }

    @Test
    void replayedChallengeIsSyncFailureWithVerifiableAuts() {
        SimulatedUsim usim = usimBelow(Sqn.of(0));
        assertThat(usim.authenticate(RAND, AUTN)).isInstanceOf(AkaResult.Success.class);

        AkaResult replay = usim.authenticate(RAND, AUTN);

        assertThat(replay).isInstanceOf(AkaResult.SyncFailure.class);
        Bytes auts = ((AkaResult.SyncFailure) replay).auts();
        assertThat(auts.length()).isEqualTo(14);
        // Independent check with the official f5* AK (451e8beca43b) and MILENAGE f1* over SQN_MS, AMF 0000.
        Bytes sqnMs = xor(auts.slice(0, 6), Bytes.ofHex("451e8beca43b"));
        assertThat(sqnMs).isEqualTo(SQN.toBytes());
        assertThat(auts.slice(6, 8)).isEqualTo(Milenage.withOpc(TestSupport.k(), TestSupport.opc())
                .f1Star(RAND, sqnMs, Bytes.ofHex("0000")));
    }

    @Test
    void sqnNotAboveTheHighestAcceptedIsSyncFailure() {
        assertThat(usimBelow(SQN).authenticate(RAND, AUTN)).isInstanceOf(AkaResult.SyncFailure.class);
        assertThat(usimBelow(Sqn.of(SQN.value() + 1)).authenticate(RAND, AUTN))
                .isInstanceOf(AkaResult.SyncFailure.class);
    }

    @Test
    void challengeOfWrongLengthIsRejected() {
        SimulatedUsim usim = usimBelow(Sqn.of(0));

        assertThatThrownBy(() -> usim.authenticate(RAND, AUTN.slice(0, 15)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AUTN is 16 bytes (SQN⊕AK 6 ‖ AMF 2 ‖ MAC 8), got 15");
        assertThatThrownBy(() -> usim.authenticate(RAND.slice(0, 8), AUTN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AKA RAND is 16 bytes, got 8");
    }

    @Test
    void sqnRoundTripsThroughItsSixBytes() {
        assertThat(Sqn.fromBytes(Sqn.of(0x0000_ffee_ddcc_bbaaL).toBytes())).isEqualTo(Sqn.of(0xffee_ddcc_bbaaL));
        assertThat(Sqn.of(1).toBytes()).isEqualTo(Bytes.ofHex("000000000001"));
        assertThatThrownBy(() -> Sqn.of(1L << 48)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("48 bits");
        assertThatThrownBy(() -> Sqn.of((1L << 48) - 1).next()).isInstanceOf(IllegalStateException.class);
    }

    private static Bytes xor(Bytes a, Bytes b) {
        byte[] out = a.toByteArray();
        for (int i = 0; i < out.length; i++) {
            out[i] ^= (byte) b.u8(i);
        }
        return Bytes.wrap(out);
    }
}
