package org.mbmskeys.engine.dsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Scripts in a directory and its subdirectories; each is named by its path (the directory as given, resolved). */
final class DirectoryScripts implements ScriptSource {

    private final Path directory;

    DirectoryScripts(Path directory) {
        this.directory = directory;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    @Override
    public List<ScriptText> read() throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "not a directory");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".groovy")).sorted().toList();
        }
        List<ScriptText> out = new ArrayList<>();
        for (Path file : files) {
            out.add(new ScriptText(file.toString(), Files.readString(file, StandardCharsets.UTF_8)));
        }
        return out;
    }
}
