package dev.studentapi.server.config;

/**
 * How the data plane answers a path or method it does not define ({@code UNKNOWN_ROUTES}): {@code DEFAULT} with
 * 404 (or 405 with {@code Allow} on a known path, SPEC §4), {@code AWS} with API Gateway's 403
 * {@code MissingAuthenticationTokenException}, before any key check.
 */
public enum UnknownRoutes { DEFAULT, AWS }
