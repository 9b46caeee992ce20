package io.legwatch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** DESIGN.md: dependencies point inward; only ui knows JavaFX. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.legwatch");
    }

    @Test
    void coreDoesNotDependOnJavaFxOrUi() {
        noClasses().that().resideInAnyPackage(
                        "io.legwatch.domain..", "io.legwatch.engine..", "io.legwatch.flatten..",
                        "io.legwatch.venue..", "io.legwatch.sim..", "io.legwatch.journal..",
                        "io.legwatch.config..", "io.legwatch.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "io.legwatch.ui..", "org.controlsfx..",
                        "atlantafx..")
                .check(classes);
    }

    @Test
    void domainDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("io.legwatch.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.legwatch.engine..", "io.legwatch.flatten..", "io.legwatch.venue..", "io.legwatch.sim..",
                        "io.legwatch.journal..", "io.legwatch.config..", "io.legwatch.app..")
                .check(classes);
    }

    @Test
    void simulatorDependsOnlyOnDomain() {
        noClasses().that().resideInAPackage("io.legwatch.sim..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.legwatch.engine..", "io.legwatch.flatten..", "io.legwatch.venue..",
                        "io.legwatch.journal..", "io.legwatch.config..", "io.legwatch.app..")
                .check(classes);
    }

    @Test
    void venueAdaptersDoNotReachIntoEngineOrFlatten() {
        noClasses().that().resideInAPackage("io.legwatch.venue..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.legwatch.engine..", "io.legwatch.flatten..", "io.legwatch.journal..", "io.legwatch.app..")
                .check(classes);
    }

    @Test
    void noConsolePrintingOutsideTheLauncher() {
        noClasses().that().resideInAPackage("io.legwatch..").and().doNotHaveSimpleName("Launcher")
                .and().resideOutsideOfPackage("io.legwatch.sim.main..")
                .should().accessField(System.class, "out")
                .check(classes);
    }
}
