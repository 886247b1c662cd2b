package dev.studentapi.lambda;

import org.crac.Core;

import java.time.Duration;

/**
 * The components of this function container, built once by static initialisation from the process environment,
 * so that the Lambda init phase (and a SnapStart snapshot) holds every client and warm invocations build nothing;
 * before a snapshot is taken, {@link SnapStartPriming} warms the request path over them.
 */
final class Container {

    static final LambdaComponents COMPONENTS;

    /** How long building {@link #COMPONENTS} took, logged once per container. */
    static final Duration INITIALISATION;

    /** Registered with the JVM's checkpoint context, which holds it only as long as this class does. */
    static final SnapStartPriming PRIMING;

    static {
        long started = System.nanoTime();
        COMPONENTS = LambdaComponents.fromEnvironment(System.getenv());
        INITIALISATION = Duration.ofNanos(System.nanoTime() - started);
        System.out.println("Student Records API: components built in " + INITIALISATION.toMillis() + " ms");
        PRIMING = new SnapStartPriming(COMPONENTS);
        Core.getGlobalContext().register(PRIMING);
    }

    private Container() {
    }
}
