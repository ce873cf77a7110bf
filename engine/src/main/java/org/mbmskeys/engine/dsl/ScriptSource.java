package org.mbmskeys.engine.dsl;

import java.io.IOException;
import java.util.List;

/** Where scripts come from: a classpath folder or a directory. Lists every {@code *.groovy} below it, sorted by name. */
interface ScriptSource {

    /** For messages, e.g. {@code classpath:procedures/} or the directory path. */
    String describe();

    List<ScriptText> read() throws IOException;
}
