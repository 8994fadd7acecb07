package dev.autobench.dispatcher;

import dev.autobench.testsupport.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * Every @QuarkusTest of this module runs against the JVM's embedded PostgreSQL, migrated by the
 * test resource as the owner, and logs in as the dispatcher's own role.
 */
@QuarkusTestResource(value = PostgresTestResource.class,
        initArgs = @ResourceArg(name = PostgresTestResource.ROLE, value = "autobench_dispatcher"))
public final class TestDatabase {
    private TestDatabase() {
    }
}
