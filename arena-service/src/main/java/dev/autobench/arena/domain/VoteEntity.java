package dev.autobench.arena.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One voter's judgement of one match (inserted with ON CONFLICT by VoteRepository, read here). */
@Entity
@Table(name = "votes")
public class VoteEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "match_id", nullable = false)
    public UUID matchId;

    @Column(name = "voter_key", nullable = false, columnDefinition = "text")
    public String voterKey;

    @Column(name = "ip_hash", nullable = false, columnDefinition = "text")
    public String ipHash;

    @Column(nullable = false, columnDefinition = "text")
    public String outcome;

    @Column(nullable = false)
    public boolean counted;

    @Column(name = "not_counted_reason", columnDefinition = "text")
    public String notCountedReason;

    @Column(name = "served_at")
    public Instant servedAt;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
