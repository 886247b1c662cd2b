package dev.studentapi.testkit.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The layers of the product as ArchUnit rules: entry points (HTTP, CLI, control plane, Lambda handlers) reach
 * adapters only through composition roots, and adapters never reach entry points or composition roots.
 */
public final class Layering {

    /** The packages of the technology adapters. */
    private static final String[] ADAPTERS = {"dev.studentapi.sqlite..", "dev.studentapi.dynamodb..",
            "dev.studentapi.s3..", "dev.studentapi.ses..", "dev.studentapi.redis..", "dev.studentapi.filesystem..",
            "dev.studentapi.mail..", "dev.studentapi.ratelimit.."};

    /** The packages that hold entry points or composition roots (server.Components/Adapters, lambda's roots). */
    private static final String[] ENTRY_POINTS_AND_ROOTS = {"dev.studentapi.server..",
            "dev.studentapi.controlplane..", "dev.studentapi.lambda.."};

    /** A Lambda handler or the proxy exchange it translates, with their nested classes. */
    private static final DescribedPredicate<JavaClass> LAMBDA_HANDLERS = belongTo(resideInAPackage(
            "dev.studentapi.lambda").and(simpleNameEndingWith("Handler").or(simpleName("ProxyExchange"))));

    /** HTTP routes, CLI commands, the control plane, and the Lambda handlers with their proxy exchange. */
    private static final DescribedPredicate<JavaClass> ENTRY_POINTS = resideInAnyPackage(
            "dev.studentapi.server.http..", "dev.studentapi.server.cli..", "dev.studentapi.controlplane..")
            .or(LAMBDA_HANDLERS).as("entry points (HTTP, CLI, control plane, Lambda handlers)");

    private Layering() {
    }

    /** The product's main classes on the classpath, tests left out. */
    public static JavaClasses productClasses() {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.studentapi");
    }

    /** Entry points never depend on adapters: only composition roots construct them. */
    public static ArchRule entryPointsUseNoAdapter() {
        return noClasses().that(ENTRY_POINTS).should().dependOnClassesThat().resideInAnyPackage(ADAPTERS)
                .because("only the composition roots (server.Components/Adapters, lambda.LambdaComponents/"
                        + "Container) construct adapters");
    }

    /** Adapters never depend on entry points or composition roots. */
    public static ArchRule adaptersUseNoEntryPointOrRoot() {
        return noClasses().that().resideInAnyPackage(ADAPTERS).should().dependOnClassesThat()
                .resideInAnyPackage(ENTRY_POINTS_AND_ROOTS)
                .because("adapters implement core ports and know nothing of who assembles or calls them");
    }
}
