package org.mbmskeys.engine.dsl;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Shipped scripts with an operator's folder over them: a script in the folder replaces the shipped script of
 * the same file name ({@code msk-push.groovy}), and its other scripts are added. A folder that does not exist
 * (yet) overrides nothing. Each script keeps its own file name, so a reload sees an override appear as the
 * shipped file going away and the operator's arriving: the procedure's next version. The operator's script
 * names the file it {@linkplain ScriptText#replaces() replaces}, so an override that fails its checks is
 * rejected like any broken edit: the version loaded before stays.
 */
final class OverlayScripts implements ScriptSource {

    private final ScriptSource shipped;
    private final DirectoryScripts overrides;
    private final java.nio.file.Path folder;
    private volatile Set<String> shippedFiles = Set.of();

    OverlayScripts(ScriptSource shipped, java.nio.file.Path folder) {
        this.shipped = shipped;
        this.folder = folder;
        this.overrides = new DirectoryScripts(folder);
    }

    @Override
    public String describe() {
        return shipped.describe() + " overridden by " + folder;
    }

    /** The operator's folder. */
    java.nio.file.Path folder() {
        return folder;
    }

    /** Whether {@code file} is one of the shipped scripts (of the last {@link #read()}), not the operator's. */
    boolean isShipped(String file) {
        return shippedFiles.contains(file);
    }

    @Override
    public List<ScriptText> read() throws IOException {
        List<ScriptText> own = Files.isDirectory(folder) ? overrides.read() : List.of();
        Set<String> replacing = own.stream().map(s -> fileName(s.file())).collect(Collectors.toSet());
        Map<String, String> replaced = new HashMap<>();
        List<ScriptText> out = new ArrayList<>();
        List<ScriptText> fromShipped = shipped.read();
        shippedFiles = fromShipped.stream().map(ScriptText::file).collect(Collectors.toUnmodifiableSet());
        for (ScriptText s : fromShipped) {
            if (replacing.contains(fileName(s.file()))) {
                replaced.put(fileName(s.file()), s.file());
            } else {
                out.add(s);
            }
        }
        for (ScriptText s : own) {
            out.add(new ScriptText(s.file(), s.text(), replaced.get(fileName(s.file()))));
        }
        return out;
    }

    static String fileName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }
}
