package dev.autobench.renderer;

import dev.autobench.testsupport.SecuredEndpoints;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every machine and admin endpoint of this service refuses a missing, wrong or mismatched credential. */
@QuarkusTest
class SecuredEndpointsTest {

    @Test
    void everyMachineAndAdminEndpointRefusesMissingAndWrongCredentials() throws Exception {
        SecuredEndpoints.assertEveryOneRefusesMissingAndWrongCredentials("dev.autobench.renderer", "test-cron-secret-0123456789");
    }
}
