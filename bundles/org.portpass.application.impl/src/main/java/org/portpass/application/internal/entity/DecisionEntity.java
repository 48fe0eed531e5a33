package org.portpass.application.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import org.portpass.application.Decision;
import org.portpass.application.Stage;

/** One decision on a line: the line's history, never changed. Stage null: a company step. */
@Entity
@Table(name = "review_decision")
public class DecisionEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "line_id", nullable = false)
  private long lineId;

  @Column(name = "port", length = 8)
  private String port;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage", length = 16)
  private Stage stage;

  @Enumerated(EnumType.STRING)
  @Column(name = "decision", nullable = false, length = 16)
  private Decision decision;

  @Column(name = "reason", length = 1000)
  private String reason;

  @Column(name = "revision", nullable = false)
  private int revision;

  @Column(name = "decided_by", nullable = false, length = 128)
  private String decidedBy;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "decided_at", nullable = false)
  private Date decidedAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public long getLineId() {
    return lineId;
  }

  public void setLineId(long lineId) {
    this.lineId = lineId;
  }

  public String getPort() {
    return port;
  }

  public void setPort(String port) {
    this.port = port;
  }

  public Stage getStage() {
    return stage;
  }

  public void setStage(Stage stage) {
    this.stage = stage;
  }

  public Decision getDecision() {
    return decision;
  }

  public void setDecision(Decision decision) {
    this.decision = decision;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }

  public int getRevision() {
    return revision;
  }

  public void setRevision(int revision) {
    this.revision = revision;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public void setDecidedBy(String decidedBy) {
    this.decidedBy = decidedBy;
  }

  public Date getDecidedAt() {
    return decidedAt;
  }

  public void setDecidedAt(Date decidedAt) {
    this.decidedAt = decidedAt;
  }
}
