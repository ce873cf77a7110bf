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
import org.mbmskeys.mbms.keys.TimestampCounter;
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

    /** A key of the profile length {@code length}; the message says it is the profile's. */
    SecretBytes profileKey(String option, String hex, int length, String what) {
        Bytes b = HexArgument.bytes(spec, option, hex);
        if (b.length() != length) {
            throw error(option + " must be " + length + " bytes (" + 2 * length + " hex digits), the " + what
                    + " length of the project profile (PROFILE.md §10); got " + b.length() + " bytes");
        }
        return SecretBytes.wrap(b.toByteArray());
    }

    /** {@code --rand}: the given hex (1..255 bytes), or {@value InterimProfile#RAND_LENGTH} fresh random bytes. */
    Bytes rand(String option, String hex) {
        if (hex == null) {
            return RandomBytes.secure().next(InterimProfile.RAND_LENGTH);
        }
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
