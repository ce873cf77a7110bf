package org.mbmskeys.adapters.app.procedures;

import org.mbmskeys.mbms.bmsc.procedure.BmscContract;
import org.mbmskeys.mbms.roles.RoleContract;
import org.mbmskeys.mbms.ue.procedure.UeContract;

import java.util.List;
import org.mbmskeys.engine.dsl.CompileResult;
import org.mbmskeys.engine.dsl.ScriptChecker;

/**
 * The procedure scripts that ship with the application: every {@code *.groovy} below the classpath folder
 * {@value #FOLDER} ({@code procedures/ue/*.groovy} and {@code procedures/bmsc/*.groovy}, resources of the
 * {@code procedures} module). {@code check} without arguments and {@code diagram NAME} read them.
 *
 * @param folder the classpath folder; tests point it elsewhere
 * @param loader the class loader that sees the folder
 */
record ShippedProcedures(String folder, ClassLoader loader) {

    /**
     * What the role code expects of the scripts it starts and signals (names, inputs, events, signals, the clause
     * and purpose): a script checked here whose name is in a role's namespace ({@code bmsc.}, {@code ue.}) must be
     * one of that role's procedures and keep them.
     */
    static final List<RoleContract> ROLE_CONTRACTS = List.of(BmscContract.CONTRACT, UeContract.CONTRACT);

    /** The one place the shipped scripts' classpath folder is named. */
    static final String FOLDER = "procedures";

    static ShippedProcedures standard() {
        return new ShippedProcedures(FOLDER, ShippedProcedures.class.getClassLoader());
    }

    /** How the folder is named in output: {@code classpath:procedures/}. */
    String describe() {
        return "classpath:" + folder + "/";
    }

    List<CompileResult> check(ScriptChecker checker) {
        return checker.checkClasspath(folder, loader);
    }
}
