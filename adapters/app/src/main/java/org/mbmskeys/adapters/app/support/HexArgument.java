package org.mbmskeys.adapters.app.support;

import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Parses hex command-line arguments with messages that say which option and what was expected. */
public final class HexArgument {

    private HexArgument() {
    }

    /** Hex of exactly {@code length} bytes. */
    public static Bytes bytes(CommandSpec spec, String option, String value, int length) {
        Bytes b = bytes(spec, option, value);
        if (b.length() != length) {
            throw new ParameterException(spec.commandLine(), option + " must be " + length + " bytes (" + 2 * length
                    + " hex digits), got " + b.length() + " bytes");
        }
        return b;
    }

    /** Hex of any non-zero length. */
    public static Bytes bytes(CommandSpec spec, String option, String value) {
        if (value == null || !Hex.isHex(value)) {
            throw new ParameterException(spec.commandLine(), option
                    + " must be hex digits (an even number of 0-9, a-f), got '" + value + "'");
        }
        return Bytes.ofHex(value);
    }
}
