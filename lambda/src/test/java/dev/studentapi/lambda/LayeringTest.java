package dev.studentapi.lambda;

import com.tngtech.archunit.core.domain.JavaClasses;
import dev.studentapi.testkit.arch.Layering;
import org.junit.jupiter.api.Test;

/** The Lambda handlers reach adapters only through LambdaComponents and Container, and no adapter reaches back. */
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
