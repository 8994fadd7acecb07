package dev.autobench.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local demo's day of history: the day before is dated to its start, so its voting window has closed. */
class DemoHistoryTest {

    @Test
    void closesOnlyThatDaysTasksByDatingThemToTheStartOfTheirDay() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate yesterday = today.minusDays(1);
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE tasks (id bigserial PRIMARY KEY, task_date date NOT NULL, generated_at timestamptz)");
            st.execute("INSERT INTO tasks (task_date, generated_at) VALUES ('" + yesterday + "', now()), ('"
                    + yesterday + "', NULL), ('" + today + "', now())");

            assertThat(DemoHistory.closeDay(c, yesterday)).isEqualTo(2);

            try (ResultSet rs = st.executeQuery("SELECT task_date, generated_at FROM tasks ORDER BY id")) {
                rs.next();
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant())
                        .isEqualTo(yesterday.atStartOfDay(ZoneOffset.UTC).toInstant());
                rs.next();
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant())
                        .isEqualTo(yesterday.atStartOfDay(ZoneOffset.UTC).toInstant());
                rs.next();
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant())
                        .as("today's task keeps its generation time").isAfter(today.atStartOfDay(ZoneOffset.UTC).toInstant());
            }
            assertThat(DemoHistory.closeDay(c, yesterday)).as("closing twice changes nothing").isZero();
        }
    }

    @Test
    void refusesToCloseTodayOrALaterDay() {
        OwnerLogin nowhere = new OwnerLogin("jdbc:postgresql://127.0.0.1:1/none", "u", "p");
        assertThatThrownBy(() -> DemoHistory.closeDay(nowhere, LocalDate.now(ZoneOffset.UTC),
                new PrintStream(new ByteArrayOutputStream())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("only a past day");
    }
}
