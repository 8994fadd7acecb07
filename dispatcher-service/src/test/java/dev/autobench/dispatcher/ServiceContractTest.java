package dev.autobench.dispatcher;

import io.quarkus.test.junit.QuarkusTest;

/** The operators' contract of every service (health, metrics, OpenAPI), for the dispatcher-service. */
@QuarkusTest
class ServiceContractTest extends dev.autobench.testsupport.ServiceContractTest {

    @Override
    protected String service() {
        return "dispatcher-service";
    }
}
