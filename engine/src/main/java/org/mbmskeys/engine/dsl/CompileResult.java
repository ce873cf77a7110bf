package org.mbmskeys.engine.dsl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;

/**
 * What compiling one script gave: its verified definition, or every problem found in it, sorted by
 * position. Never both.
 *
 * <pre>{@code
 * CompileResult result = compiler.compile("push.groovy", text);
 * if (!result.isValid()) result.problems().forEach(System.err::println);   // push.groovy:7:9: ...
 * ProcedureDefinition definition = result.orThrow();
 * }</pre>
 */
public record CompileResult(String file, Optional<ProcedureDefinition> definition, List<Problem> problems) {

    public CompileResult {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(definition, "definition");
        problems = List.copyOf(problems);
        if (definition.isPresent() == !problems.isEmpty()) {
            throw new IllegalArgumentException("a compile result has a definition or problems, not both and not neither");
        }
    }

    static CompileResult valid(String file, ProcedureDefinition definition) {
        return new CompileResult(file, Optional.of(definition), List.of());
    }

    static CompileResult invalid(String file, List<Problem> problems) {
        return new CompileResult(file, Optional.empty(), problems);
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * The definition.
     *
     * @throws InvalidDefinitionException listing every problem, if the script is broken
     */
    public ProcedureDefinition orThrow() {
        if (!isValid()) {
            throw new InvalidDefinitionException(problems);
        }
        return definition.orElseThrow();
    }
}
