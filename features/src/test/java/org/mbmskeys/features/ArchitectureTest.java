package org.mbmskeys.features;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The project's layering rules (docs/architecture.md: the engine knows no MBMS, Netty or JDBC; adapters
 * know no MIKEY; one package each touches Groovy, Spring and Bouncy Castle), checked on the compiled main
 * classes of every module (this module sees them all).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.mbmskeys");
    }

    @Test
    void engineKnowsNoMbmsNoAdapterNoNettyNoJdbc() {
        noClasses().that().resideInAPackage("org.mbmskeys.engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.mbmskeys.mbms..", "org.mbmskeys.adapters..", "io.netty..", "java.sql..", "javax.sql..")
                .check(classes);
    }

    @Test
    void onlyTheDslTouchesGroovy() {
        noClasses().that().resideInAPackage("org.mbmskeys..")
                .and().resideOutsideOfPackage("org.mbmskeys.engine.dsl..")
                .should().dependOnClassesThat().resideInAnyPackage("groovy..", "org.codehaus.groovy..", "org.apache.groovy..")
                .check(classes);
    }

    @Test
    void onlyTheSpringBackendTouchesSpring() {
        noClasses().that().resideInAPackage("org.mbmskeys..")
                .and().resideOutsideOfPackage("org.mbmskeys.engine.backend.spring..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "reactor..")
                .check(classes);
    }

    @Test
    void proceduresImportNoAdapter() {
        noClasses().that().resideInAPackage("org.mbmskeys.mbms..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mbmskeys.adapters..", "io.netty..", "java.sql..")
                .check(classes);
    }

    @Test
    void transportsMoveBytesAndKnowNoMbms() {
        noClasses().that().resideInAnyPackage(
                        "org.mbmskeys.adapters.memory..", "org.mbmskeys.adapters.udp..", "org.mbmskeys.adapters.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.mbmskeys.mbms..")
                .check(classes);
    }

    /** The in-memory network moves bytes only; the HTTP/1.1 codec on Netty lives in the HTTP adapter. */
    @Test
    void theMemoryNetworkNeedsNoNetty() {
        noClasses().that().resideInAPackage("org.mbmskeys.adapters.memory..")
                .should().dependOnClassesThat().resideInAPackage("io.netty..")
                .check(classes);
    }

    @Test
    void onlyTheAppWiresAdaptersTogether() {
        String[] adapters = {"memory", "udp", "http", "jdbc"};
        for (String adapter : adapters) {
            for (String other : adapters) {
                if (!other.equals(adapter)) {
                    noClasses().that().resideInAPackage("org.mbmskeys.adapters." + adapter + "..")
                            .should().dependOnClassesThat().resideInAPackage("org.mbmskeys.adapters." + other + "..")
                            .check(classes);
                }
            }
            noClasses().that().resideInAPackage("org.mbmskeys.adapters." + adapter + "..")
                    .should().dependOnClassesThat().resideInAPackage("org.mbmskeys.adapters.app..")
                    .check(classes);
        }
    }

    @Test
    void onlyCryptoPackagesUseCipherProvidersDirectly() {
        noClasses().that().resideInAPackage("org.mbmskeys..")
                .and().resideOutsideOfPackages("org.mbmskeys.mbms.mikey.crypto..", "org.mbmskeys.mbms.gba..",
                        "org.mbmskeys.mbms.digest..")
                .should().dependOnClassesThat().resideInAnyPackage("javax.crypto..", "org.bouncycastle..")
                .check(classes);
    }

    @Test
    void onlyMikeyCryptoUsesBouncyCastle() {
        noClasses().that().resideInAPackage("org.mbmskeys..")
                .and().resideOutsideOfPackage("org.mbmskeys.mbms.mikey.crypto..")
                .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..")
                .check(classes);
    }

    @Test
    void theStepLibraryIsOnlyUsedByFeatures() {
        noClasses().that().resideInAPackage("org.mbmskeys..")
                .and().resideOutsideOfPackage("org.mbmskeys.steps..")
                .should().dependOnClassesThat().resideInAPackage("org.mbmskeys.steps..")
                .because("the step library (mbms-keys-steps) is test vocabulary: nothing shipped may need it")
                .check(classes);
    }
}
