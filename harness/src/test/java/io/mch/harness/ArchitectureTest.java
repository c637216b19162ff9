package io.mch.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of docs/architecture.md, checked on the main code of every module on this classpath
 * (faults, reports, harness): a lower layer never imports a higher one, and no package is part of
 * a cycle. A change that breaks a layer fails the build here, naming the offending dependency.
 */
class ArchitectureTest {

    /** The kernel: clock, time scale, threads, console and the run context. */
    private static final String KERNEL = "io.mch.harness.runtime..";

    /** What a run is made of; each takes the run context and never the orchestration. */
    private static final String[] LOWER = {
        KERNEL,
        "io.mch.harness.input..",
        "io.mch.harness.config..",
        "io.mch.harness.backend..",
        "io.mch.harness.network..",
        "io.mch.harness.traffic..",
        "io.mch.harness.measure..",
        "io.mch.harness.load..",
        "io.mch.harness.workload..",
        "io.mch.harness.fabric..",
        "io.mch.harness.fault..",
    };

    /** The orchestration and what drives it. */
    private static final String[] UPPER = {
        "io.mch.harness.run..",
        "io.mch.harness.cli..",
        "io.mch.harness.explore..",
        "io.mch.harness.bench..",
        "io.mch.harness.drill..",
    };

    private static JavaClasses main;

    @BeforeAll
    static void importMainCode() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.mch");
    }

    @Test
    void noPackageIsPartOfACycle() {
        slices().matching("io.mch.(**)").should().beFreeOfCycles().check(main);
    }

    @Test
    void lowerLayersNeverImportTheOrchestration() {
        noClasses().that().resideInAnyPackage(LOWER)
                .should().dependOnClassesThat().resideInAnyPackage(UPPER)
                .check(main);
    }

    @Test
    void theKernelDependsOnNothingElseOfTheHarness() {
        noClasses().that().resideInAPackage(KERNEL)
                .should().dependOnClassesThat().resideOutsideOfPackages(KERNEL, "io.mch.reports.history..", "io.mch.reports.model..", "java..")
                .check(main);
    }

    /** Fault types read their YAML through input, and config asks them to bind their items: never the other way. */
    @Test
    void inputAndTheFaultTypesSitBelowConfig() {
        noClasses().that().resideInAnyPackage("io.mch.harness.input..", "io.mch.harness.fault..")
                .should().dependOnClassesThat().resideInAPackage("io.mch.harness.config..")
                .check(main);
        noClasses().that().resideInAPackage("io.mch.harness.input..")
                .should().dependOnClassesThat().resideInAPackage("io.mch.harness.fault..")
                .check(main);
    }

    @Test
    void faultsAndReportsNeverImportTheHarness() {
        noClasses().that().resideInAnyPackage("io.mch.faults..", "io.mch.reports..")
                .should().dependOnClassesThat().resideInAPackage("io.mch.harness..")
                .check(main);
    }
}
