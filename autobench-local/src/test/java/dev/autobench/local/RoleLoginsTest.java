package dev.autobench.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local run's step that lets the migrated service roles log in, each with its own password. */
class RoleLoginsTest {

    @TempDir
    Path dir;

    @Test
    void eachServiceRoleGetsLoginAndItsOwnPasswordFromTheFile() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            String url = pg.getJdbcUrl("postgres", "postgres").replace("?user=postgres", "");
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                for (String role : RoleLogins.ROLES) {
                    st.execute("CREATE ROLE " + role + " NOLOGIN"); // as the migration leaves them
                }
            }
            Path passwords = dir.resolve("db-roles.env");
            OwnerLogin owner = new OwnerLogin(url, "postgres", "postgres");

            Files.writeString(passwords, "autobench_generator=g-secret\nautobench_dispatcher=d-secret\n");
            assertThatThrownBy(() -> RoleLogins.apply(owner, passwords, new PrintStream(new ByteArrayOutputStream())))
                    .hasMessageContaining("no password for autobench_renderer");

            Files.writeString(passwords, "autobench_generator=g-secret\nautobench_dispatcher=d-secret\n"
                    + "autobench_renderer=r-secret\nautobench_arena=a-it's\n");
            RoleLogins.apply(owner, passwords, new PrintStream(new ByteArrayOutputStream()));
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT rolname, rolcanlogin, rolpassword IS NOT NULL, rolsuper"
                         + " FROM pg_authid WHERE rolname LIKE 'autobench\\_%' ORDER BY rolname")) {
                int roles = 0;
                while (rs.next()) {
                    assertThat(rs.getBoolean(2)).as(rs.getString(1)).isTrue();
                    assertThat(rs.getBoolean(3)).as(rs.getString(1)).isTrue();
                    assertThat(rs.getBoolean(4)).as(rs.getString(1)).isFalse();
                    roles++;
                }
                assertThat(roles).isEqualTo(4);
            }
        }
    }
}
