package irw;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The layer rules of ARCHITECTURE.md: dependencies point down only. */
class LayerRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("irw");
    }

    @Test
    void layersPointDownward() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("ui").definedBy("irw.ui..")
                .layer("cli").definedBy("irw.cli..")
                .layer("app").definedBy("irw.app..")
                .layer("service").definedBy("irw.service..")
                .layer("engine").definedBy("irw.engine..")
                .layer("experiments").definedBy("irw.experiments..")
                .layer("xrd").definedBy("irw.xrd..")
                .layer("digits").definedBy("irw.digits..")
                .layer("core").definedBy("irw.core..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("app").mayOnlyBeAccessedByLayers("ui", "cli")
                .whereLayer("service").mayOnlyBeAccessedByLayers("ui", "cli", "app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("ui", "cli", "app", "service", "experiments")
                .whereLayer("experiments").mayOnlyBeAccessedByLayers("ui", "cli", "app", "service")
                .whereLayer("xrd").mayOnlyBeAccessedByLayers("ui", "cli", "app", "service", "engine", "experiments")
                .whereLayer("digits").mayOnlyBeAccessedByLayers("ui", "cli", "app", "service", "engine", "experiments")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void coreXrdAndDigitsKnowNeitherDl4jNorJavaFx() {
        noClasses().that().resideInAnyPackage("irw.core..", "irw.xrd..", "irw.digits..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..", "javafx..", "io.fair_acc..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void onlyTheUiKnowsJavaFxScenes() {
        noClasses().that().resideOutsideOfPackages("irw.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "javafx.application..", "io.fair_acc..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void engineDoesNotKnowJavaFx() {
        noClasses().that().resideInAnyPackage("irw.engine..", "irw.experiments..", "irw.service..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** ARCHITECTURE.md: "sub-packages form no cycles" (app with its feature packages, ui with its views, ...). */
    @Test
    void subPackagesFormNoCycles() {
        slices().matching("irw.(**)").should().beFreeOfCycles().check(classes);
    }
}
