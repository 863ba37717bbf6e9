package org.ssaeinspector.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps the GUI on top of the engine: only the app knows JavaFX, and only one class knows DJL. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        production = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ssaeinspector");
    }

    @Test
    void nothingOutsideTheAppDependsOnJavaFx() {
        noClasses().that().resideOutsideOfPackage("org.ssaeinspector.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
                .because("the engine and the command line must run without a GUI")
                .check(production);
    }

    @Test
    void onlyTheSparkPackageKnowsSpark() {
        noClasses().that().resideOutsideOfPackage("org.ssaeinspector.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .because("Spark is provided (left out of the app and its installer): the rest must load without it")
                .check(production);
    }

    @Test
    void viewModelsHoldStateWithoutScreens() {
        noClasses().that().resideInAPackage("org.ssaeinspector.app.viewmodel..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..",
                        "org.controlsfx..", "org.kordamp..", "org.ssaeinspector.app.view..")
                .because("view models are tested without a screen; views bind to them, not the other way")
                .check(production);
    }

    @Test
    void onlyTheEngineAdapterTouchesDjl() {
        noClasses().that().resideInAPackage("org.ssaeinspector.app..")
                .and().doNotHaveFullyQualifiedName("org.ssaeinspector.app.service.DjlEngineService")
                .and().doNotHaveFullyQualifiedName("org.ssaeinspector.app.service.DjlEngineService$Handle")
                .should().dependOnClassesThat().resideInAnyPackage("ai.djl..")
                .because("NDArrays must never reach the UI thread; DJL work runs on the engine lane")
                .check(production);
    }
}
