package org.mbmskeys.adapters.app.mikey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mbmskeys.engine.bytes.Bytes;
import org.mbmskeys.engine.bytes.Hex;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * Reads a MIKEY message given as {@code HEX}, {@code @FILE} (hex text) or {@code -} (hex text on stdin).
 * White space between the digits is allowed in all three, so {@code xxd -p} output and hex dumps split
 * over lines work. Anything else is an argument error (exit code 2) that names the argument.
 */
final class MessageInput {

    /** Hex text of the longest MIKEY message (65535 bytes) with generous room for white space. */
    private static final int MAX_TEXT = 1 << 20;

    private MessageInput() {
    }

    static Bytes read(CommandSpec spec, String what, String argument) {
        String text;
        String source;
        if ("-".equals(argument)) {
            source = what + " (stdin)";
            text = stdin(spec, source);
        } else if (argument.startsWith("@")) {
            source = what + " (file " + argument.substring(1) + ")";
            text = file(spec, source, Path.of(argument.substring(1)));
        } else {
            source = what;
            text = argument;
        }
        byte[] bytes;
        try {
            bytes = Hex.decode(text);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), source + " must be hex digits (white space allowed): "
                    + e.getMessage());
        }
        if (bytes.length == 0) {
            throw new ParameterException(spec.commandLine(), source + " is empty; expected a MIKEY message as hex, "
                    + "@FILE with hex text, or - for hex text on stdin");
        }
        return Bytes.wrap(bytes);
    }

    private static String stdin(CommandSpec spec, String source) {
        try {
            // System.in is looked up per call so that tests can replace it.
            InputStream in = System.in;
            return limited(spec, source, in.readNBytes(MAX_TEXT + 1));
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), source + " cannot be read: " + e.getMessage());
        }
    }

    private static String file(CommandSpec spec, String source, Path path) {
        try {
            if (Files.size(path) > MAX_TEXT) {
                throw tooLong(spec, source);
            }
            return Files.readString(path, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), source + " cannot be read: "
                    + e.getClass().getSimpleName() + " " + e.getMessage());
        }
    }

    private static String limited(CommandSpec spec, String source, byte[] read) {
        if (read.length > MAX_TEXT) {
            throw tooLong(spec, source);
        }
        return new String(read, StandardCharsets.US_ASCII);
    }

    private static ParameterException tooLong(CommandSpec spec, String source) {
        return new ParameterException(spec.commandLine(), source + " is longer than " + MAX_TEXT
                + " characters; a MIKEY message is at most 65535 bytes");
    }
}
