package org.mbmskeys.adapters.app.procedures;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import picocli.CommandLine;

/** The test scripts under src/test/resources, named as the command prints them (relative to the module). */
final class Fixtures {

    static final String DIR = "src/test/resources/procedure-tools/";
    static final String PUSH = DIR + "valid/push.groovy";
    static final String BROKEN = DIR + "broken/broken.groovy";
    static final String MIXED = DIR + "mixed";
    static final String NEEDS_IMPORT = DIR + "needs-import/ack.groovy";

    /** Points {@code check} and {@code diagram} at the classpath folder {@code shipped-test} instead of the real one. */
    static final Consumer<CommandLine> SHIPPED_TEST_SCRIPTS = cli -> {
        CommandLine procedures = cli.getSubcommands().get("procedures");
        ShippedProcedures testScripts = new ShippedProcedures("shipped-test", Fixtures.class.getClassLoader());
        ((CheckCommand) procedures.getSubcommands().get("check").getCommand()).shipped = testScripts;
        ((DiagramCommand) procedures.getSubcommands().get("diagram").getCommand()).shipped = testScripts;
    };

    private Fixtures() {
    }

    /** A file from the test class path, e.g. an expected diagram. */
    static String resource(String name) throws IOException {
        try (InputStream in = Fixtures.class.getResourceAsStream("/procedure-tools/" + name)) {
            if (in == null) {
                throw new IOException("no test resource procedure-tools/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
