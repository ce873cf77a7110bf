package org.mbmskeys.adapters.app.gba;

import picocli.CommandLine.Command;

/** {@code mbms-keys gba}: GBA (TS 33.220) key tools. */
@Command(name = "gba", description = "GBA (TS 33.220) key tools.", mixinStandardHelpOptions = true,
        subcommands = NafKeysCommand.class)
public final class GbaCommand {
}
