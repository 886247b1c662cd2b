package dev.studentapi.core;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Keeps the core plain Java (no web framework, JSON library, AWS SDK, database driver or mail API) and acyclic. */
class ArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.studentapi.core");

    @Test
    void coreImportsNoFrameworkOrEngine() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.studentapi.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.javalin..", "com.fasterxml..", "software.amazon..", "java.sql..", "org.sqlite..",
                        "jakarta..", "io.github.bucket4j..", "io.lettuce..", "picocli..", "org.slf4j..",
                        "org.eclipse..");
        rule.check(CORE);
    }

    @Test
    void corePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.studentapi.core.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
