package org.mbmskeys.mbms.mikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each code space is closed or open on purpose, and a duplicate code stops the class loading. */
class CodeSpaceTest {

    @Test
    void duplicateCodeIsRefusedNamingBothMembers() {
        assertThatThrownBy(() -> CodeSpace.of("test space", new String[] {"A", "B"}, s -> 3, s -> s))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("test space code 3 is used twice: by A and by B");
    }

    @Test
    void codeWiderThanOneByteIsRefused() {
        assertThatThrownBy(() -> CodeSpace.of("test space", new String[] {"A"}, s -> 256, s -> s))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("does not fit one byte");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("closedSpaces")
    <E extends Enum<E>> void closedSpaceFindsEachMemberByItsCodeAndNothingElse(String name, E[] members,
                                                                               ToIntFunction<E> code,
                                                                               IntFunction<Optional<E>> ofCode) {
        for (E member : members) {
            assertThat(ofCode.apply(code.applyAsInt(member))).contains(member);
        }
        long known = java.util.stream.IntStream.range(0, 256).filter(c -> ofCode.apply(c).isPresent()).count();
        assertThat(known).isEqualTo(members.length);
        assertThat(ofCode.apply(-1)).isEmpty();
        assertThat(ofCode.apply(256)).isEmpty();
    }

    static Stream<Arguments> closedSpaces() {
        return Stream.of(
                closed("PayloadType", PayloadType.values(), PayloadType::code, PayloadType::ofCode),
                closed("DataType", DataType.values(), DataType::code, DataType::ofCode),
                closed("PrfFunction", PrfFunction.values(), PrfFunction::code, PrfFunction::ofCode),
                closed("TimestampType", TimestampType.values(), TimestampType::code, TimestampType::ofCode),
                closed("EncryptionAlgorithm", EncryptionAlgorithm.values(), EncryptionAlgorithm::code,
                        EncryptionAlgorithm::ofCode),
                closed("MacAlgorithm", MacAlgorithm.values(), MacAlgorithm::code, MacAlgorithm::ofCode),
                closed("KeyDataType", KeyDataType.values(), KeyDataType::code, KeyDataType::ofCode),
                closed("KvType", KvType.values(), KvType::code, KvType::ofCode));
    }

    private static <E extends Enum<E>> Arguments closed(String name, E[] members, ToIntFunction<E> code,
                                                        IntFunction<Optional<E>> ofCode) {
        return Arguments.of(name, members, code, ofCode);
    }

    @Test
    void rfcPayloadCodesAreTheOnesInPayloadType() {
        assertThat(Arrays.stream(PayloadType.values()).mapToInt(PayloadType::code))
                .containsExactly(0, 1, 5, 6, 9, 10, 11, 12, 20, 21);
    }

    @Test
    void openSpacesNameKnownCodesAndKeepUnknownOnes() {
        assertThat(ExtensionType.KEY_ID).hasToString("KEY_ID(3)");
        assertThat(ExtensionType.of(1)).isEqualTo(ExtensionType.SDP_IDS).hasToString("SDP_IDS(1)");
        assertThat(ExtensionType.of(99)).hasToString("UNKNOWN(99)");
        assertThat(ExtensionType.of(99).isKnown()).isFalse();
        assertThat(IdType.of(0)).isEqualTo(IdType.NAI).hasToString("NAI(0)");
        assertThat(IdType.of(2)).isEqualTo(IdType.BYTE_STRING).hasToString("BYTE_STRING(2)");
        assertThat(IdType.of(7)).hasToString("UNKNOWN(7)");
        assertThat(IdType.of(7).isKnown()).isFalse();
        assertThat(ErrorNumber.UNSPECIFIED).hasToString("UNSPECIFIED(12)");
        assertThat(ErrorNumber.of(3)).isEqualTo(ErrorNumber.INVALID_MAC);
        assertThat(CsIdMapType.EMPTY_MAP).hasToString("EMPTY_MAP(1)");
        assertThat(ProtocolType.SRTP).hasToString("SRTP(0)");
        assertThat(ProtocolType.of(4).isKnown()).isFalse();
    }

    /** RFC 4563 §4 Table 2: 0 Key Domain ID, 1 MSK ID, 2 MTK ID; no MUK type; 241..255 private use (§8). */
    @Test
    void keyIdTypesAreTheOnesOfRfc4563AndTheSpaceIsOpen() {
        assertThat(KeyIdType.of(0)).isEqualTo(KeyIdType.KEY_DOMAIN).hasToString("KEY_DOMAIN(0)");
        assertThat(KeyIdType.of(1)).isEqualTo(KeyIdType.MSK).hasToString("MSK(1)");
        assertThat(KeyIdType.of(2)).isEqualTo(KeyIdType.MTK).hasToString("MTK(2)");
        assertThat(KeyIdType.of(3).isKnown()).isFalse();
        assertThat(KeyIdType.of(241)).hasToString("UNKNOWN(241)");
    }

    @Test
    void unknownClosedCodeMessageListsWhatIsAllowed() {
        assertThat(MacAlgorithm.CODES.unknown(7)).isEqualTo("unknown MAC alg 7; allowed: 0 (NULL), 1 (HMAC_SHA1_160)");
    }
}
