package org.mbmskeys.mbms.ue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mbmskeys.engine.dsl.ProcedureRepository;
import org.mbmskeys.engine.model.DefinitionCheck;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.Problem;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.mbms.roles.RoleContract;
import org.mbmskeys.mbms.ue.procedure.UeContract;

/**
 * The UE's procedure scripts: the shipped {@code procedures/ue/*.groovy} (class path), of which an operator's
 * folder may replace some, script by script, by declaring the same procedure name. Both are compiled
 * statically against {@code org.mbmskeys.mbms.ue.procedure} and pass the same checks: every script names its
 * TS 33.246 clause and says what it does, and an override may not drop or add a UE procedure.
 *
 * <pre>{@code
 * List<ProcedureDefinition> scripts = UeProcedures.load(Optional.of(Path.of("/etc/ue/procedures")));
 * }</pre>
 */
public final class UeProcedures {

    /** The class path folder of the shipped UE scripts. */
    public static final String CLASSPATH_FOLDER = "procedures/ue";

    /** The procedures a UE runs; the facade starts and signals them by these names. */
    public static final Set<String> NAMES = Set.of("ue.registration", "ue.deregistration", "ue.msk-request",
            "ue.mikey-reception", "ue.service");

    /** Every UE script names the clause it implements and says what it does. */
    public static final DefinitionCheck NAMES_CLAUSE_AND_PURPOSE = RoleContract.CLAUSE_AND_PURPOSE;

    /** The shipped scripts, compiled once per class loader: definitions are immutable and shared by engines. */
    private static volatile List<ProcedureDefinition> shipped;

    private UeProcedures() {
    }

    private static List<ProcedureDefinition> shipped() {
        List<ProcedureDefinition> s = shipped;
        if (s == null) {
            synchronized (UeProcedures.class) {
                s = shipped;
                if (s == null) {
                    s = repository(ProcedureRepository.builder().classpath(CLASSPATH_FOLDER,
                            UeProcedures.class.getClassLoader())).definitions();
                    shipped = s;
                }
            }
        }
        return s;
    }

    /**
     * The shipped scripts, each replaced by the override folder's script of the same procedure name.
     *
     * @throws InvalidDefinitionException listing every problem of every script, or an override that names a
     *                                    procedure the UE does not run
     */
    public static List<ProcedureDefinition> load(Optional<Path> overrides) {
        Map<String, ProcedureDefinition> byName = new LinkedHashMap<>();
        for (ProcedureDefinition d : shipped()) {
            byName.put(d.name(), d);
        }
        if (overrides.isPresent()) {
            List<Problem> problems = new ArrayList<>();
            for (ProcedureDefinition d : repository(ProcedureRepository.builder().directory(overrides.get())).definitions()) {
                if (!NAMES.contains(d.name())) {
                    problems.add(new Problem(d.declaredAt(), "procedure '" + d.name() + "' is not a UE procedure; an "
                            + "override folder replaces some of " + NAMES + " by declaring the same name"));
                }
                byName.put(d.name(), d);
            }
            if (!problems.isEmpty()) {
                throw new InvalidDefinitionException(problems);
            }
        }
        if (!byName.keySet().equals(NAMES)) {
            throw new IllegalStateException("the shipped UE scripts in classpath:" + CLASSPATH_FOLDER + " declare "
                    + byName.keySet() + ", expected " + NAMES + "; is the procedures jar complete?");
        }
        return List.copyOf(byName.values());
    }

    private static ProcedureRepository repository(ProcedureRepository.Builder builder) {
        return builder.check(NAMES_CLAUSE_AND_PURPOSE).check(UeContract.CONTRACT).build();
    }
}
