package org.mbmskeys.adapters.app.mikey;

import java.util.function.Function;
import java.util.function.Supplier;
import org.mbmskeys.adapters.app.support.HexArgument;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.SecretBytes;
import org.mbmskeys.engine.spi.RandomBytes;
import org.mbmskeys.mbms.keys.KeyDomainId;
import org.mbmskeys.mbms.keys.KeyGroup;
import org.mbmskeys.mbms.keys.MskId;
import org.mbmskeys.mbms.keys.MtkId;
import org.mbmskeys.mbms.keys.ServiceType;
import org.mbmskeys.mbms.keys.TimestampCounter;
import org.mbmskeys.mbms.mikey.CsbId;
import org.mbmskeys.mbms.mikey.protection.CsbIds;
import org.mbmskeys.mbms.mikey.protection.SrtpAuthentication;
import org.mbmskeys.mbms.profile.InterimProfile;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Turns the option strings of the {@code mikey} commands into domain values. A rejection is a picocli
 * {@link ParameterException} (exit code 2) that names the option and reuses the domain type's own
 * explanation of what is allowed.
 */
final class MikeyArguments {

    /** One instance for the process: the CLI is short-lived and this is its only random source. */

    private final CommandSpec spec;

    MikeyArguments(CommandSpec spec) {
        this.spec = spec;
    }

    KeyDomainId keyDomain(String option, String text) {
        return parse(option, "Key Domain ID", text, KeyDomainId::parse);
    }

    MskId mskId(String option, String text) {
        return parse(option, "MSK ID", text, MskId::parseHex);
    }

    KeyGroup keyGroup(String option, String text) {
        return parse(option, "Key Group", text, KeyGroup::parseHex);
    }

    TimestampCounter counter(String option, String text) {
        long value = unsigned(option, text, 0xFFFF_FFFFL, "the COUNTER timestamp");
        return TimestampCounter.of(value);
    }

    MtkId mtkId(String option, String text) {
        return MtkId.of((int) unsigned(option, text, 0xFFFF, "an MTK ID"));
    }

    /** A key of any non-empty length (the MIKEY-1 PRF takes any inkey): MUKs from GBA are 32 bytes, tests often use 16. */
    SecretBytes anyLengthKey(String option, String hex) {
        return SecretBytes.wrap(HexArgument.bytes(spec, option, hex).toByteArray());
    }

    /** A key of the length {@code length} this implementation sends. */
    SecretBytes profileKey(String option, String hex, int length, String what) {
        Bytes b = HexArgument.bytes(spec, option, hex);
        if (b.length() != length) {
            throw error(option + " must be " + length + " bytes (" + 2 * length + " hex digits), the " + what
                    + " length this implementation sends; got " + b.length() + " bytes");
        }
        return SecretBytes.wrap(b.toByteArray());
    }

    /**
     * {@code --csb-id}: 8 hex digits, or 4 fresh random bytes (TS 33.246 §6.4.2: the CSB ID names nothing,
     * random values are recommended).
     */
    CsbId csbId(String option, String hex) {
        if (hex == null) {
            return CsbIds.random(RandomBytes.secure());
        }
        Bytes b = HexArgument.bytes(spec, option, hex);
        if (b.length() != 4) {
            throw error(option + " must be 4 bytes (8 hex digits), the CSB ID of the MIKEY header (RFC 3830 §6.1); got "
                    + b.length() + " bytes");
        }
        return CsbId.fromBytes(b);
    }

    /** {@code --service}: streaming or download, the service type of the MSK's Key Group (TS 33.246 §4.2). */
    ServiceType service(String option, String text) {
        if ("streaming".equals(text)) {
            return ServiceType.STREAMING;
        }
        if ("download".equals(text)) {
            return ServiceType.DOWNLOAD;
        }
        throw error(option + " must be streaming or download (TS 33.246 §4.2: the service type of the Key Group); got '"
                + text + "'");
    }

    /** {@code --ssrc}: 8 hex digits, the SSRC of the SRTP-ID map entry (RFC 3830 §6.1.1). */
    long ssrc(String option, String hex) {
        Bytes b = HexArgument.bytes(spec, option, hex);
        if (b.length() != 4) {
            throw error(option + " must be 4 bytes (8 hex digits), the SSRC of the RTP session; got " + b.length()
                    + " bytes");
        }
        return CsbId.fromBytes(b).unsignedValue();
    }

    /** {@code --srtp-auth}: rccm1 (default), rccm2 or rccm3, the RFC 4771 transforms. */
    SrtpAuthentication srtpAuthentication(String option, String text) {
        if (text == null || text.equals("rccm1")) {
            return SrtpAuthentication.RCCM1;
        }
        if (text.equals("rccm2")) {
            return SrtpAuthentication.RCCM2;
        }
        if (text.equals("rccm3")) {
            return SrtpAuthentication.RCCM3;
        }
        throw error(option + " must be rccm1, rccm2 or rccm3 (RFC 4771 §4); got '" + text + "'");
    }

    /** A decimal number 0..{@code max}. */
    long unsignedNumber(String option, String text, long max, String what) {
        return unsigned(option, text, max, what);
    }

    /** An MTK: 16, 24 or 32 bytes, SRTP master keys of 128, 192 or 256 bits (TS 33.246 §4.2). */
    SecretBytes mtk(String option, String hex) {
        Bytes b = HexArgument.bytes(spec, option, hex);
        if (!InterimProfile.ACCEPTED_KEY_LENGTHS.contains(b.length())) {
            throw error(option + " must be 16, 24 or 32 bytes (an SRTP master key of 128, 192 or 256 bits, "
                    + "TS 33.246 §4.2); got " + b.length() + " bytes");
        }
        return SecretBytes.wrap(b.toByteArray());
    }

    /** {@code --rand}: the given hex (1..255 bytes), or {@value InterimProfile#RAND_LENGTH} fresh random bytes. */
    Bytes rand(String option, String hex) {
        if (hex == null) {
            return RandomBytes.secure().next(InterimProfile.RAND_LENGTH);
        }
        return givenRand(option, hex);
    }

    /** A RAND that must be given: 1..255 bytes of hex. */
    Bytes givenRand(String option, String hex) {
        Bytes b = HexArgument.bytes(spec, option, hex);
        if (b.length() > 255) {
            throw error(option + " must be 1..255 bytes (RAND len is one byte; " + InterimProfile.RAND_LENGTH
                    + " recommended), got " + b.length() + " bytes");
        }
        return b;
    }

    /** An identity text for IDi/IDr: any non-empty text, sent as UTF-8 (at most 65535 bytes, the ID len field). */
    String identity(String option, String text) {
        if (text == null || text.isEmpty()) {
            throw error(option + " must not be empty");
        }
        int bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        if (bytes > 0xFFFF) {
            throw error(option + " must be at most 65535 bytes of UTF-8 (ID len is 2 bytes), got " + bytes);
        }
        return text;
    }

    /**
     * Runs a domain step (building a message description, sealing) whose remaining checks, such as the
     * 65535-byte limit of a MIKEY message, turn an {@link IllegalArgumentException} into an argument error.
     */
    <T> T domain(Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw error("cannot build the message: " + e.getMessage());
        }
    }

    ParameterException error(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private long unsigned(String option, String text, long max, String what) {
        if (text != null && text.matches("\\d{1,10}")) {
            long value = Long.parseLong(text);
            if (value <= max) {
                return value;
            }
        }
        throw error(option + " must be a decimal number 0.." + max + " (" + what + "); got '" + text + "'");
    }

    /**
     * Runs a domain parser; its message, which starts with the value's name ("MSK ID must be ..."), is
     * reworded to start with the option ("--msk-id must be ...").
     */
    private <T> T parse(String option, String subject, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            String message = e.getMessage();
            throw error(message.startsWith(subject + " ")
                    ? option + message.substring(subject.length())
                    : option + ": " + message);
        }
    }
}
