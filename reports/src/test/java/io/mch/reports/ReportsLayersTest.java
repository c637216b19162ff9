package io.mch.reports;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the reports module's main code, from the bottom up: the record types and their JSON
 * mapping ({@code model}), the history ({@code history}), the judge ({@code judge}: checkers and the
 * rules they use), and what writes and renders a run (this package, {@code html}, {@code junit},
 * {@code text}). Verdicts must be computable from a history alone, so the judge never reaches up
 * into a renderer, and a renderer reads the judge's rules instead of keeping its own.
 */
class ReportsLayersTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mch.reports");
    }

    @Test
    void noPackageIsPartOfACycle() {
        slices().matching("io.mch.reports.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("model").definedBy("io.mch.reports.model..")
                .layer("history").definedBy("io.mch.reports.history..")
                .layer("judge").definedBy("io.mch.reports.judge..")
                .layer("output").definedBy("io.mch.reports", "io.mch.reports.html..", "io.mch.reports.junit..",
                        "io.mch.reports.text..")
                .whereLayer("output").mayNotBeAccessedByAnyLayer()
                .whereLayer("judge").mayOnlyBeAccessedByLayers("output")
                .whereLayer("history").mayOnlyBeAccessedByLayers("judge", "output")
                .check(main);
    }
}
