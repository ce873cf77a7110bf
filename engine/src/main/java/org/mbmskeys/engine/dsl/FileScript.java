package org.mbmskeys.engine.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** One script file, named by its path as given; read whatever its extension, since it was named on purpose. */
final class FileScript implements ScriptSource {

    private final Path file;

    FileScript(Path file) {
        this.file = file;
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public List<ScriptText> read() throws IOException {
        return List.of(new ScriptText(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
    }
}
