package dev.autobench.generator.domain;

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
 * One task of one UTC day. Rows are only ever inserted with {@code ON CONFLICT DO NOTHING}
 * (see {@code TaskRepository}); this mapping is for reading them back.
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

    @Column(nullable = false, columnDefinition = "text")
    public String title;

    @Column(nullable = false, columnDefinition = "text")
    public String category;

    @Column(nullable = false, columnDefinition = "text")
    public String difficulty;

    @Column(name = "template_id", columnDefinition = "text")
    public String templateId;

    @Column(nullable = false, columnDefinition = "text")
    public String source;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
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
