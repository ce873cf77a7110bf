package org.mbmskeys.engine.dsl;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Scripts in a classpath folder, from directories and jars alike; each is named by its resource path
 * ({@code procedures/ue/msk-request.groovy}). When two classpath entries hold the same path, the first
 * one wins, as {@code ClassLoader.getResource} would have it.
 */
final class ClasspathScripts implements ScriptSource {

    private final String folder;
    private final ClassLoader loader;

    ClasspathScripts(String folder, ClassLoader loader) {
        this.folder = folder.replaceAll("^/+|/+$", "");
        this.loader = loader;
    }

    @Override
    public String describe() {
        return "classpath:" + folder + "/";
    }

    @Override
    public List<ScriptText> read() throws IOException {
        Map<String, String> texts = new TreeMap<>();
        for (URL root : Collections.list(loader.getResources(folder))) {
            Map<String, String> found = new TreeMap<>();
            if ("file".equals(root.getProtocol())) {
                readDirectory(root, found);
            } else if ("jar".equals(root.getProtocol())) {
                readJar(root, found);
            } else {
                throw new IOException("cannot list scripts under " + root + ": only directories and jars are supported");
            }
            found.forEach(texts::putIfAbsent);
        }
        List<ScriptText> out = new ArrayList<>();
        texts.forEach((name, text) -> out.add(new ScriptText(name, text)));
        return out;
    }

    private void readDirectory(URL root, Map<String, String> found) throws IOException {
        Path base;
        try {
            base = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot read " + root, e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(base)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().endsWith(".groovy")).toList();
        }
        for (Path file : files) {
            String relative = base.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            found.put(folder + "/" + relative, Files.readString(file, StandardCharsets.UTF_8));
        }
    }

    private void readJar(URL root, Map<String, String> found) throws IOException {
        URLConnection connection = root.openConnection();
        if (!(connection instanceof JarURLConnection jarConnection)) {
            throw new IOException("cannot list scripts under " + root);
        }
        jarConnection.setUseCaches(false); // a private JarFile we can close; a cached one is shared
        try (JarFile jar = jarConnection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                if (!entry.isDirectory() && entry.getName().startsWith(folder + "/") && entry.getName().endsWith(".groovy")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        found.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
    }
}
