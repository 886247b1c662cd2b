package dev.studentapi.infra;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.iam.PolicyStatement;

import java.util.List;

/** One of the stack's functions: its name, handler class, timeout, and the statements of its least-privilege role. */
record FunctionSpec(String name, String handlerClass, Duration timeout, List<PolicyStatement> statements) {

    /** The handler string Lambda calls: the class and its {@code handleRequest} method. */
    String handler() {
        return "dev.studentapi.lambda." + handlerClass + "::handleRequest";
    }
}
