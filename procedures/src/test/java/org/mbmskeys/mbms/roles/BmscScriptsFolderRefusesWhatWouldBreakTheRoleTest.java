package org.mbmskeys.mbms.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mbmskeys.engine.dsl.ReloadResult;
import org.mbmskeys.engine.model.InvalidDefinitionException;
import org.mbmskeys.engine.model.ProcedureDefinition;
import org.mbmskeys.mbms.bmsc.Bmsc;

/**
 * An operator's BM-SC scripts folder replaces shipped scripts by file name. What would leave the BM-SC without one
 * of its procedures, or with one it never starts, is refused when the BM-SC is built, saying what to do.
 */
class BmscScriptsFolderRefusesWhatWouldBreakTheRoleTest {

    @TempDir
    Path folder;

    @Test
    void aUeScriptSavedUnderTheNameOfABmscScriptIsRefusedNotRunInItsPlace() throws IOException {
        // registration.groovy is the name of a BM-SC script and of a UE script; this one declares ue.registration
        Files.writeString(folder.resolve("registration.groovy"), shipped("procedures/ue/registration.groovy"));

        assertThatThrownBy(() -> new RolesWorld(b -> b.scripts(folder))).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure 'ue.registration' is not a BM-SC procedure (the BM-SC runs "
                        + "bmsc.deregistration, bmsc.msk-push, bmsc.msk-request, bmsc.mtk-delivery, bmsc.registration, "
                        + "bmsc.solicited-pull); a script of the scripts folder replaces the shipped script of the same "
                        + "file name, which declares the procedure of that name (msk-push.groovy: bmsc.msk-push)");
    }

    @Test
    void aScriptThatNamesNoClauseIsRefusedAsTheUeRefusesOne() throws IOException {
        Files.writeString(folder.resolve("msk-push.groovy"), shipped("procedures/bmsc/msk-push.groovy")
                .replace("    spec 'TS 33.246 §6.3.2.3.1'\n", ""));

        assertThatThrownBy(() -> new RolesWorld(b -> b.scripts(folder))).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure 'bmsc.msk-push' names no TS 33.246 clause; add spec 'TS 33.246 §...'");
    }

    @Test
    void aPushScriptUnderAnotherFileNameIsToldTheFileNameThatReplacesTheShippedOne() throws IOException {
        Files.writeString(folder.resolve("fast-push.groovy"), shipped("procedures/bmsc/msk-push.groovy"));

        assertThatThrownBy(() -> new RolesWorld(b -> b.scripts(folder))).isInstanceOf(InvalidDefinitionException.class)
                .hasMessageContaining("procedure 'bmsc.msk-push' is already declared by the shipped script ")
                .hasMessageContaining("replaces the shipped script of the same file name: name yours msk-push.groovy");
    }

    @Test
    void aFolderThatIsNotThereYetOverridesNothingUntilItIs() throws IOException {
        Path later = folder.resolve("not-yet");
        RolesWorld world = new RolesWorld(b -> b.scripts(later));

        Files.createDirectory(later);
        Files.writeString(later.resolve("msk-push.groovy"), shipped("procedures/bmsc/msk-push.groovy")
                .replace("after(seconds(2), 'resend')", "after(seconds(7), 'resend')"));
        ReloadResult reload = world.bmsc.reloadScripts();

        assertThat(reload.problems()).isEmpty();
        assertThat(reload.loaded()).extracting(ProcedureDefinition::name).containsExactly(Bmsc.MSK_PUSH);
    }

    private static String shipped(String resource) throws IOException {
        try (InputStream in = Bmsc.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
