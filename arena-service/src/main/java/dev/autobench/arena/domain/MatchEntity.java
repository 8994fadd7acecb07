package dev.autobench.arena.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One anonymous A/B pairing of two submissions of the same task (rows are created by SQL, see PairingRepository). */
@Entity
@Table(name = "matches")
public class MatchEntity extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "task_id", nullable = false)
    public UUID taskId;

    @Column(name = "left_submission_id", nullable = false)
    public UUID leftSubmissionId;

    @Column(name = "right_submission_id", nullable = false)
    public UUID rightSubmissionId;

    @Column(name = "vote_count", nullable = false)
    public int voteCount;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
