package dev.studentapi.ratelimit;

import dev.studentapi.core.usage.Throttle;
import dev.studentapi.testkit.MutableClock;
import dev.studentapi.testkit.contract.ThrottleContract;

class LocalThrottleTest extends ThrottleContract {
    @Override
    protected Throttle newThrottle(MutableClock clock) {
        return new LocalThrottle(clock);
    }
}
