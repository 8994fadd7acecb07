package dev.autobench.renderer.artifact;

import dev.autobench.common.checks.CheckResult;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The rendered form of one succeeded submission: hardened page, screenshot and what the browser reported. */
@Entity
@Table(name = "artifacts")
public class Artifact extends PanacheEntityBase {

    public static final String RENDERING = "rendering";
    public static final String RENDERED = "rendered";
    public static final String FAILED = "failed";

    @Id
    @GeneratedValue
    public UUID id;

    @Column(name = "submission_id", nullable = false, unique = true)
    public UUID submissionId;

    @Column(nullable = false)
    public String status;

    @Column(columnDefinition = "text")
    public String html;

    public String sha256;

    @Column(name = "size_bytes")
    public Integer sizeBytes;

    @Column(name = "screenshot_png")
    @JdbcTypeCode(SqlTypes.VARBINARY)
    public byte[] screenshotPng;

    @Column(name = "screenshot_status", nullable = false)
    public String screenshotStatus;

    @Column(name = "viewport_width")
    public Integer viewportWidth;

    @Column(name = "viewport_height")
    public Integer viewportHeight;

    @Column(name = "js_errors", nullable = false)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<PageProblem> jsErrors;

    @Column(name = "console_errors", nullable = false)
    @JdbcTypeCode(SqlTypes.JSON)
    public List<PageProblem> consoleErrors;

    @Column(name = "js_error_count", nullable = false)
    public int jsErrorCount;

    public Boolean blank;

    @Column(name = "render_ms")
    public Integer renderMs;

    /** Browsers started for this page: more than 1 when earlier ones failed before the page loaded. */
    @Column(name = "render_attempts", nullable = false)
    public int renderAttempts;

    /** One result per acceptance check of the task; null when none were run (no Chromium, a task without checks). */
    @Column(name = "checks")
    @JdbcTypeCode(SqlTypes.JSON)
    public List<CheckResult> checks;

    @Column(name = "checks_passed")
    public Integer checksPassed;

    @Column(name = "checks_total")
    public Integer checksTotal;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "claimed_by")
    public String claimedBy;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "rendered_at")
    public Instant renderedAt;

    public boolean claimedBy(String renderer) {
        return RENDERING.equals(status) && renderer.equals(claimedBy);
    }
}
