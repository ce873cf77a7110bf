package org.mbmskeys.features.livingdocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.mbmskeys.engine.diagram.DiagramWriter;
import org.mbmskeys.engine.dsl.ProcedureCompiler;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * Loads the procedure scripts below a classpath folder the way an engine does ({@link ProcedureRepository}
 * with classpath loading and a {@link ProcedureCompiler} on the same class loader), and gives each with its
 * script text and its PlantUML state diagram.
 */
final class ProcedureReader {

    /** Where the shipped scripts are: resources of the procedures module, {@code procedures/{ue,bmsc}/*.groovy}. */
    static final String SHIPPED = "procedures";

    private final String folder;
    private final ClassLoader loader;

    ProcedureReader(String folder, ClassLoader loader) {
        this.folder = folder;
        this.loader = loader;
    }

    /** The scripts the procedures module ships, as the features' class path sees them. */
    static ProcedureReader shipped() {
        return new ProcedureReader(SHIPPED, ProcedureReader.class.getClassLoader());
    }

    String folder() {
        return folder;
    }

    /**
     * Every procedure below the folder, sorted by name; none if there are no scripts.
     *
     * @throws InvalidDefinitionException listing every problem, if a script does not load (an engine would
     *                                    refuse to start on it too)
     */
    List<ProcedureDoc> read() {
        ProcedureRepository repository = ProcedureRepository.builder()
                .classpath(folder, loader)
                .compiler(ProcedureCompiler.builder().classLoader(loader).build())
                .build();
        return repository.definitions().stream().sorted(Comparator.comparing(ProcedureDefinition::name))
                .map(this::doc).toList();
    }

    private ProcedureDoc doc(ProcedureDefinition d) {
        String file = d.declaredAt().file();
        return new ProcedureDoc(d.name(), d.version(), d.description(), d.specRef(), file, text(file),
                DiagramWriter.plantUml().write(d));
    }

    private String text(String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the script " + resource + " was loaded but cannot be read again");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** The problems of a load, one per line, as {@code file:line:col: message}. */
    static String describe(InvalidDefinitionException e) {
        return String.join("\n", e.problems().stream().map(Problem::toString).toList());
    }
}
