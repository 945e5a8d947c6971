package dev.eloquent.examples;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DESIGN.md §1's arrows, on the compiled classes of every module on this test's class path (the
 * module-info files enforce the same at compile time; this catches what reflection-free bytecode shows).
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.eloquent");
        for (String module : new String[]{"api", "resolver", "sql", "orm", "testkit", "driver.sqlite", "examples", "cli"}) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().startsWith("dev.eloquent." + module)),
                    "classes of dev.eloquent." + module + " were imported");
        }
    }

    @Test
    void theApiDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage("dev.eloquent.api..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.eloquent.api..")
                .check(classes);
    }

    @Test
    void nothingDependsOnADriverModule() {
        noClasses().that().resideOutsideOfPackage("dev.eloquent.driver..")
                .should().dependOnClassesThat().resideInAPackage("dev.eloquent.driver..")
                .check(classes);
    }

    @Test
    void driversNeverDependOnEachOther() {
        slices().matching("dev.eloquent.driver.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void theOrmDependsOnNeitherTheSqlEngineNorAnyDriver() {
        noClasses().that().resideInAPackage("dev.eloquent.orm..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eloquent.sql..", "dev.eloquent.driver..")
                .check(classes);
    }

    @Test
    void theResolverAndTheSqlEngineStayInTheirLanes() {
        classes().that().resideInAPackage("dev.eloquent.resolver..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.eloquent.api..",
                        "dev.eloquent.resolver..")
                .check(classes);
        noClasses().that().resideInAPackage("dev.eloquent.sql..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eloquent.orm..", "dev.eloquent.resolver..")
                .check(classes);
    }

    @Test
    void theCliUsesOnlyTheOrmTheResolverTheApiAndPicocliAndNothingUsesIt() {
        classes().that().resideInAPackage("dev.eloquent.cli..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.eloquent.cli..",
                        "dev.eloquent.orm..", "dev.eloquent.resolver..", "dev.eloquent.api..", "picocli..")
                .check(classes);
        noClasses().that().resideOutsideOfPackage("dev.eloquent.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.eloquent.cli..")
                .check(classes);
    }

    @Test
    void theTestkitKnowsNoDriverAndNoSqlEngine() {
        noClasses().that().resideInAPackage("dev.eloquent.testkit..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.eloquent.sql..", "dev.eloquent.driver..")
                .check(classes);
    }
}
