package dev.studentapi.sqlite;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The block reservation knows no engine: JDBC and SQLite stay behind {@link UsageUnits}. */
class EngineFreeReservationTest {

    @Test
    void theReservationAndItsPortUseNoJdbcOrSqlite() {
        noClasses().that().belongToAnyOf(ReservingUsageCounter.class, UsageUnits.class)
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackagesOf(ReservingUsageCounter.class));
    }
}
