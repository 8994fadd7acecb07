package dev.autobench.generator.task;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One task of one UTC day. Rows are written only through {@code TaskSlotRepository}'s native
 * statements (a pending slot, then its completion); this mapping is for reading them back. A
 * {@code pending} row has no title, category or spec yet.
 */
@Entity
@Table(name = "tasks")
public class Task extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_date", nullable = false)
    public LocalDate taskDate;

    @Column(nullable = false)
    public int slot;

    @Column(columnDefinition = "text")
    public String title;

    @Column(columnDefinition = "text")
    public String category;

    @Column(nullable = false, columnDefinition = "text")
    public String difficulty;

    @Column(name = "template_id", columnDefinition = "text")
    public String templateId;

    @Column(nullable = false, columnDefinition = "text")
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public TaskSpec spec;

    @Column(nullable = false, columnDefinition = "text")
    public String status;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "generated_at")
    public Instant generatedAt;

    @Column(name = "dispatched_at")
    public Instant dispatchedAt;
}
