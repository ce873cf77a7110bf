package org.mbmskeys.adapters.app;

import org.mbmskeys.adapters.app.admin.AdminCommand;
import org.mbmskeys.adapters.app.demo.DemoCommand;
import org.mbmskeys.adapters.app.gba.GbaCommand;
import org.mbmskeys.adapters.app.mikey.MikeyCommand;
import org.mbmskeys.adapters.app.procedures.ProceduresCommand;
import org.mbmskeys.adapters.app.run.BmscCommand;
import org.mbmskeys.adapters.app.run.RewrapKeysCommand;
import org.mbmskeys.adapters.app.run.UeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code mbms-keys} command line. Each subcommand is its own class; this one only wires them. */
@Command(name = "mbms-keys",
        mixinStandardHelpOptions = true,
        version = "mbms-keys 0.1.0-SNAPSHOT",
        description = "3GPP MBMS security key management (TS 33.246): protocol tools, procedure script tools, BM-SC and UE.",
        subcommands = {CommandLine.HelpCommand.class, MikeyCommand.class, GbaCommand.class, ProceduresCommand.class, BmscCommand.class, UeCommand.class,
                RewrapKeysCommand.class, AdminCommand.class, DemoCommand.class})
public final class MbmsKeysCli {

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests run it in-process. */
    public static CommandLine commandLine() {
        // No @-file expansion: "mikey inspect @FILE" reads hex text from FILE itself.
        return new CommandLine(new MbmsKeysCli()).setExpandAtFiles(false);
    }
}
