package org.mbmskeys.adapters.app.mikey;

import picocli.CommandLine.Command;

/** {@code mbms-keys mikey build}: protected MBMS MIKEY messages of the project profile, as hex. */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Build protected MBMS MIKEY messages (TS 33.246 §6.4.5); each prints one line of hex.",
        subcommands = {BuildMskCommand.class, BuildMtkCommand.class, BuildSolicitCommand.class, BuildAckCommand.class})
public final class BuildCommand {
}
