package dev.studentapi.server;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.studentapi.testkit.arch.Layering;
import org.junit.jupiter.api.Test;

/** The server's entry points reach adapters only through its composition root, and no adapter reaches back. */
class LayeringTest {

    private static final JavaClasses PRODUCT = Layering.productClasses();

    @Test
    void entryPointsImportNoAdapter() {
        Layering.entryPointsUseNoAdapter().check(PRODUCT);
    }

    @Test
    void adaptersImportNoEntryPointOrCompositionRoot() {
        Layering.adaptersUseNoEntryPointOrRoot().check(PRODUCT);
    }
}
