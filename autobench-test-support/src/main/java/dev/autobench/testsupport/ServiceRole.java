package dev.autobench.testsupport;

/**
 * The database role each service logs in as (created by the schema's migrations, NOLOGIN there).
 * In tests every role logs in with a fixed password that {@link TestPostgres#migratedDatabase}
 * sets; production passwords come from the deployment.
 */
public enum ServiceRole {
    GENERATOR("autobench_generator"),
    DISPATCHER("autobench_dispatcher"),
    RENDERER("autobench_renderer"),
    ARENA("autobench_arena");

    private final String user;

    ServiceRole(String user) {
        this.user = user;
    }

    /** The role's name, which is also its login. */
    public String user() {
        return user;
    }

    /** The role's password in tests. */
    public String password() {
        return "test-" + user;
    }

    public static ServiceRole ofUser(String user) {
        for (ServiceRole r : values()) {
            if (r.user.equals(user)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no service role '" + user + "'");
    }
}
