package org.mbmskeys.adapters.app.procedures;

import picocli.CommandLine.Command;

/** {@code mbms-keys procedures}: tools for procedure script authors. */
@Command(name = "procedures", mixinStandardHelpOptions = true,
        description = "Tools for procedure scripts: check them, draw them.",
        subcommands = {CheckCommand.class, DiagramCommand.class})
public final class ProceduresCommand {
}
