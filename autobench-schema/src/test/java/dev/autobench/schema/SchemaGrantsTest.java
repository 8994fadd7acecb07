package dev.autobench.schema;

import dev.autobench.testsupport.TestPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privileges PostgreSQL holds for the service roles after migrating are exactly the grants
 * table of docs/schema.md: the documented contract and the migrations cannot drift apart.
 */
class SchemaGrantsTest {

    private static final List<String> ROLES =
            List.of("autobench_generator", "autobench_dispatcher", "autobench_renderer", "autobench_arena");
    private static final Path CONTRACT = Path.of("..", "docs", "schema.md");
    private static final Pattern PRIVILEGE = Pattern.compile("([A-Z]+)(?:\\(([^)]*)\\))?");

    private static String url;

    @BeforeAll
    static void migrate() {
        url = TestPostgres.freshDatabase("grants");
        Flyway.configure().dataSource(url, TestPostgres.user(), TestPostgres.password())
                .locations("classpath:db/migration").load().migrate();
    }

    @Test
    void thePrivilegesInTheDatabaseAreExactlyTheDocumentedGrants() throws Exception {
        assertThat(actualPrivileges()).containsExactlyElementsOf(documentedPrivileges());
    }

    @Test
    void aSecondDatabaseOfTheClusterMigratesWithTheRolesAlreadyThereAndGetsTheSameGrants() throws Exception {
        String second = TestPostgres.freshDatabase("grants_again");
        Flyway.configure().dataSource(second, TestPostgres.user(), TestPostgres.password())
                .locations("classpath:db/migration").load().migrate();
        assertThat(privileges(second)).containsExactlyElementsOf(documentedPrivileges());
    }

    @Test
    void everyRoleMayUseTheSchemaAndHoldsNoAdministrativeRight() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
             Statement st = c.createStatement()) {
            for (String role : ROLES) {
                try (ResultSet rs = st.executeQuery("SELECT has_schema_privilege('" + role + "', current_schema(), 'USAGE'),"
                        + " has_database_privilege('" + role + "', current_database(), 'CREATE'),"
                        + " (SELECT rolsuper OR rolcreaterole OR rolcreatedb OR rolbypassrls FROM pg_roles WHERE rolname = '"
                        + role + "')")) {
                    rs.next();
                    assertThat(rs.getBoolean(1)).as(role + " USAGE on the schema").isTrue();
                    assertThat(rs.getBoolean(2)).as(role + " CREATE on the database").isFalse();
                    assertThat(rs.getBoolean(3)).as(role + " has an administrative attribute").isFalse();
                }
            }
        }
    }

    /** "table role PRIVILEGE" and "table.column role PRIVILEGE", from the grants table of docs/schema.md. */
    static Set<String> documentedPrivileges() throws IOException {
        List<String> lines = Files.readAllLines(CONTRACT);
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace(" ", "").equals("|table|" + String.join("|", ROLES) + "|")) {
                header = i;
            }
        }
        assertThat(header).as("the grants table of " + CONTRACT).isNotNegative();
        Set<String> privileges = new TreeSet<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = cells(lines.get(i));
            assertThat(cells).as(lines.get(i)).hasSize(ROLES.size() + 1);
            String table = cells.get(0);
            for (int r = 0; r < ROLES.size(); r++) {
                Matcher m = PRIVILEGE.matcher(cells.get(r + 1));
                while (m.find()) {
                    if (m.group(2) == null) {
                        privileges.add(table + " " + ROLES.get(r) + " " + m.group(1));
                    } else {
                        for (String column : m.group(2).split(",")) {
                            privileges.add(table + "." + column.trim() + " " + ROLES.get(r) + " " + m.group(1));
                        }
                    }
                }
            }
        }
        assertThat(privileges).as("grants parsed from " + CONTRACT).isNotEmpty();
        return privileges;
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String cell : row.substring(1, row.lastIndexOf('|')).split("\\|")) {
            cells.add(cell.trim());
        }
        return cells;
    }

    private static Set<String> actualPrivileges() throws SQLException {
        return privileges(url);
    }

    /** Every privilege the service roles hold on a relation (table, sequence, view) or a column of one. */
    private static Set<String> privileges(String jdbcUrl) throws SQLException {
        String roles = "'" + String.join("', '", ROLES) + "'";
        String relations = """
                SELECT c.relname, g.grantee::regrole::text, g.privilege_type
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
                     LATERAL aclexplode(c.relacl) g
                WHERE n.nspname = current_schema() AND g.grantee::regrole::text IN (%s)""".formatted(roles);
        String columns = """
                SELECT c.relname || '.' || a.attname, g.grantee::regrole::text, g.privilege_type
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
                     LATERAL aclexplode(a.attacl) g
                WHERE n.nspname = current_schema() AND g.grantee::regrole::text IN (%s)""".formatted(roles);
        Set<String> privileges = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, TestPostgres.user(), TestPostgres.password());
             Statement st = c.createStatement()) {
            for (String sql : List.of(relations, columns)) {
                try (ResultSet rs = st.executeQuery(sql)) {
                    while (rs.next()) {
                        privileges.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                    }
                }
            }
        }
        return privileges;
    }
}
