package org.mbmskeys.engine.dsl;

import static org.assertj.core.api.Assertions.assertThat;

import groovy.lang.GroovyShell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The IDE descriptors ship in the engine jar, are valid Groovy and point at the script base class. */
class IdeDescriptorsTest {

    @ParameterizedTest
    @ValueSource(strings = {"org/mbmskeys/engine/dsl/procedures.gdsl", "dsld/procedures.dsld"})
    void theDescriptorShipsAndNamesTheBaseClass(String resource) throws IOException {
        String text;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(text).contains("'" + ProcedureScript.class.getName() + "'");
        new GroovyShell().parse(text, "descriptor.groovy"); // syntax only: the IDE provides context(), contribute(), ...
    }
}
