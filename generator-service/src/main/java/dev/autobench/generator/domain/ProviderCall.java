package dev.autobench.generator.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * One HTTP attempt to a provider, in the ledger shared with the dispatcher. The generator writes
 * only {@code task_author} rows, which belong to no submission.
 */
@Entity
@Table(name = "provider_calls")
public class ProviderCall extends PanacheEntityBase {

    public static final String PURPOSE_TASK_AUTHOR = "task_author";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "submission_id")
    public UUID submissionId;

    @Column(nullable = false, columnDefinition = "text")
    public String purpose;

    @Column(nullable = false, columnDefinition = "text")
    public String provider;

    @Column(name = "api_model", nullable = false, columnDefinition = "text")
    public String apiModel;

    @Column(nullable = false)
    public int attempt;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(nullable = false, columnDefinition = "text")
    public String outcome;

    public Boolean billed;

    @Column(name = "request_id", columnDefinition = "text")
    public String requestId;

    @Column(name = "input_tokens")
    public Integer inputTokens;

    @Column(name = "output_tokens")
    public Integer outputTokens;

    @Column(name = "latency_ms")
    public Integer latencyMs;

    @Column(columnDefinition = "text")
    public String error;
}
