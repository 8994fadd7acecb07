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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write side of the schema contract: each service's role may write (INSERT or UPDATE a column, DELETE rows)
 * exactly what the "Who writes each column" table of docs/schema.md gives that service, as PostgreSQL itself
 * reports the effective privileges after migrating. A grant wider than the document, or a document promising a
 * write the role cannot do, fails here.
 */
class SchemaWriteContractTest {

    private static final List<String> SERVICES = List.of("generator", "dispatcher", "renderer", "arena");
    private static final Path CONTRACT = Path.of("..", "docs", "schema.md");
    private static final String HEADER = "|table|columns|writtenby|";
    private static final String DELETE_ROWS = "(delete rows)";

    private static String url;

    @BeforeAll
    static void migrate() {
        url = TestPostgres.freshDatabase("write_contract");
        Flyway.configure().dataSource(url, TestPostgres.user(), TestPostgres.password())
                .locations("classpath:db/migration").load().migrate();
    }

    @Test
    void eachRoleMayWriteExactlyTheColumnsTheContractGivesItsService() throws Exception {
        Map<String, Set<String>> columns = columnsByTable();
        Map<String, Set<String>> documented = documentedWrites(columns);
        for (String service : SERVICES) {
            assertThat(actualWrites("autobench_" + service))
                    .as("what autobench_%s may write, against the contract in %s", service, CONTRACT)
                    .containsExactlyElementsOf(documented.getOrDefault(service, Set.of()));
        }
    }

    @Test
    void theContractNamesEveryTableAndNoColumnThatDoesNotExist() throws Exception {
        Map<String, Set<String>> columns = columnsByTable();
        Set<String> documentedTables = new TreeSet<>();
        for (List<String> row : contractRows()) {
            documentedTables.add(row.get(0));
            assertThat(columns).as("table %s of the contract", row.get(0)).containsKey(row.get(0));
            if (!row.get(1).equals("*") && !row.get(1).equals(DELETE_ROWS)) {
                assertThat(columns.get(row.get(0))).as("columns of %s", row.get(0))
                        .containsAll(List.of(row.get(1).split("\\s*,\\s*")));
            }
        }
        Set<String> tables = new TreeSet<>(columns.keySet());
        tables.remove("flyway_schema_history");
        assertThat(documentedTables).as("every table has its writer in the contract").containsAll(tables);
    }

    /** Per service: "table.column" for every column it may write, and "table DELETE" where it may delete rows. */
    private static Map<String, Set<String>> documentedWrites(Map<String, Set<String>> columns) throws IOException {
        Map<String, Set<String>> writes = new TreeMap<>();
        for (List<String> row : contractRows()) {
            String table = row.get(0);
            Set<String> written = new TreeSet<>();
            if (row.get(1).equals(DELETE_ROWS)) {
                written.add(table + " DELETE");
            } else {
                List<String> names = row.get(1).equals("*") ? List.copyOf(columns.get(table))
                        : List.of(row.get(1).split("\\s*,\\s*"));
                names.forEach(column -> written.add(table + "." + column));
            }
            for (String service : row.get(2).split("\\s*,\\s*")) {
                assertThat(SERVICES).as("service named in the contract").contains(service);
                writes.computeIfAbsent(service, s -> new TreeSet<>()).addAll(written);
            }
        }
        return writes;
    }

    /** The rows (table, columns, written by) of the per-column table of docs/schema.md. */
    private static List<List<String>> contractRows() throws IOException {
        List<String> lines = Files.readAllLines(CONTRACT);
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).replace(" ", "").equals(HEADER)) {
                header = i;
            }
        }
        assertThat(header).as("the per-column write table of " + CONTRACT).isNotNegative();
        List<List<String>> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> cells = new ArrayList<>();
            String line = lines.get(i);
            for (String cell : line.substring(1, line.lastIndexOf('|')).split("\\|")) {
                cells.add(cell.trim());
            }
            assertThat(cells).as(line).hasSize(3);
            rows.add(cells);
        }
        assertThat(rows).as("rows of the per-column write table").isNotEmpty();
        return rows;
    }

    /** The columns of every table of the schema. */
    private static Map<String, Set<String>> columnsByTable() throws SQLException {
        Map<String, Set<String>> columns = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT table_name, column_name FROM information_schema.columns
                     WHERE table_schema = current_schema()""")) {
            while (rs.next()) {
                columns.computeIfAbsent(rs.getString(1), t -> new TreeSet<>()).add(rs.getString(2));
            }
        }
        return columns;
    }

    /** What the role may write, effective privileges included (a table-wide INSERT covers every column). */
    private static Set<String> actualWrites(String role) throws SQLException {
        Set<String> writes = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url, TestPostgres.user(), TestPostgres.password());
             Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("""
                    SELECT table_name || '.' || column_name FROM information_schema.columns
                    WHERE table_schema = current_schema()
                      AND (has_column_privilege('%1$s', quote_ident(table_name), column_name, 'INSERT')
                           OR has_column_privilege('%1$s', quote_ident(table_name), column_name, 'UPDATE'))"""
                    .formatted(role))) {
                while (rs.next()) {
                    writes.add(rs.getString(1));
                }
            }
            try (ResultSet rs = st.executeQuery("""
                    SELECT table_name, has_table_privilege('%1$s', quote_ident(table_name), 'DELETE'),
                           has_table_privilege('%1$s', quote_ident(table_name), 'TRUNCATE')
                    FROM information_schema.tables WHERE table_schema = current_schema()""".formatted(role))) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        writes.add(rs.getString(1) + " DELETE");
                    }
                    if (rs.getBoolean(3)) {
                        writes.add(rs.getString(1) + " TRUNCATE");
                    }
                }
            }
        }
        return writes;
    }
}
