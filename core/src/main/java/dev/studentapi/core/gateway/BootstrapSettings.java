package dev.studentapi.core.gateway;

import dev.studentapi.core.usage.QuotaSettings;
import dev.studentapi.core.usage.ThrottleSettings;

/** The numbers of the usage plan created on first start. */
public record BootstrapSettings(ThrottleSettings throttle, QuotaSettings quota) {}
