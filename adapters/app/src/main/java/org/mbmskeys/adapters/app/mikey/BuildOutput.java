package org.mbmskeys.adapters.app.mikey;

import java.io.PrintWriter;
import org.mbmskeys.engine.bytes.Bytes;
import picocli.CommandLine.Model.CommandSpec;

/** What every {@code mikey build} command prints: the message as one line of lowercase hex, nothing else. */
final class BuildOutput {

    private BuildOutput() {
    }

    static void print(CommandSpec spec, Bytes message) {
        PrintWriter out = spec.commandLine().getOut();
        out.println(message.toHex());
        out.flush();
    }
}
