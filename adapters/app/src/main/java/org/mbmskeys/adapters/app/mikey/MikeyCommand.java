package org.mbmskeys.adapters.app.mikey;

import picocli.CommandLine.Command;

/** {@code mbms-keys mikey}: MIKEY (RFC 3830) protocol tools for the MBMS messages of TS 33.246. */
@Command(name = "mikey", mixinStandardHelpOptions = true,
        description = "MIKEY protocol tools: build, inspect and capture MBMS key messages (TS 33.246, RFC 3830).",
        subcommands = {BuildCommand.class, InspectCommand.class, PcapCommand.class})
public final class MikeyCommand {
}
