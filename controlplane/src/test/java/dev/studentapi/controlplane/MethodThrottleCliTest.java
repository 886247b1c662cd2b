package dev.studentapi.controlplane;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.studentapi.core.apikey.KeyValueStorage;
import dev.studentapi.testkit.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A usage plan's method throttles as the AWS CLI sets, changes and reads them. */
class MethodThrottleCliTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    private ControlPlaneFixture fx;
    private AwsCli admin;

    @BeforeEach
    void start() {
        AwsCli.requireInstalled();
        fx = new ControlPlaneFixture(new MutableClock(Instant.now()),
                AdminCredentialSet.of(ControlPlaneFixture.CREDENTIALS), KeyValueStorage.HASH_ONLY, null);
        admin = new AwsCli(fx.endpoint(), ControlPlaneFixture.CREDENTIALS, home);
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void createsChangesInBothSpellingsAndReadsTheThrottleMap() throws Exception {
        AwsCli.Run created = admin.apigateway("create-usage-plan", "--name", "per-method", "--api-stages",
                "[{\"apiId\":\"student\",\"stage\":\"prod\",\"throttle\":{\"/students/GET\":"
                        + "{\"rateLimit\":1,\"burstLimit\":2}}}]");
        assertThat(created.exitCode()).as(created.err()).isZero();
        String id = JSON.readTree(created.out()).path("id").asText();

        AwsCli.Run updated = admin.apigateway("update-usage-plan", "--usage-plan-id", id, "--patch-operations",
                "op=replace,path=/apiStages/student:prod/throttle//students/GET/rateLimit,value=4",
                "op=add,path=/apiStages/student:prod/throttle/~1backup~1POST/rateLimit,value=0.5",
                "op=add,path=/apiStages/student:prod/throttle/~1backup~1POST/burstLimit,value=1");
        assertThat(updated.exitCode()).as(updated.err()).isZero();

        AwsCli.Run got = admin.apigateway("get-usage-plan", "--usage-plan-id", id);
        assertThat(got.exitCode()).as(got.err()).isZero();
        JsonNode stages = JSON.readTree(got.out()).path("apiStages");
        assertThat(stages).isEqualTo(JSON.readTree("""
                [{"apiId": "student", "stage": "prod", "throttle": {
                    "/backup/POST": {"burstLimit": 1, "rateLimit": 0.5},
                    "/students/GET": {"burstLimit": 2, "rateLimit": 4.0}}}]"""));
    }
}
