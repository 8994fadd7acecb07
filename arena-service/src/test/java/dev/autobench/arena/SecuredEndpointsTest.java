package dev.autobench.arena;

import dev.autobench.testsupport.SecuredEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every machine and admin endpoint of this service refuses a missing, wrong or mismatched credential. */
@QuarkusTest
class SecuredEndpointsTest {

    @Test
    void everyMachineAndAdminEndpointRefusesMissingAndWrongCredentials() throws Exception {
        SecuredEndpoints.assertEveryOneRefusesMissingAndWrongCredentials("dev.autobench.arena", "arena-test-cron-secret");
    }
}
