package org.portpass.card.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A gate passage record (進出紀錄): one verification a gate reported. */
@Entity
@Table(name = "gate_passage")
public class GatePassageEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "pass_number")
  private String passNumber;

  @Column(name = "card_serial")
  private String cardSerial;

  @Column(name = "port")
  private String port;

  @Column(name = "zone_code")
  private String zone;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "passed_at")
  private Date passedAt;

  @Column(name = "outcome")
  private String outcome;

  @Column(name = "accepted")
  private boolean accepted;

  @Column(name = "reported_by")
  private String reportedBy;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "recorded_at")
  private Date recordedAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getPassNumber() {
    return passNumber;
  }

  public void setPassNumber(String passNumber) {
    this.passNumber = passNumber;
  }

  public String getCardSerial() {
    return cardSerial;
  }

  public void setCardSerial(String cardSerial) {
    this.cardSerial = cardSerial;
  }

  public String getPort() {
    return port;
  }

  public void setPort(String port) {
    this.port = port;
  }

  public String getZone() {
    return zone;
  }

  public void setZone(String zone) {
    this.zone = zone;
  }

  public Date getPassedAt() {
    return passedAt;
  }

  public void setPassedAt(Date passedAt) {
    this.passedAt = passedAt;
  }

  public String getOutcome() {
    return outcome;
  }

  public void setOutcome(String outcome) {
    this.outcome = outcome;
  }

  public boolean isAccepted() {
    return accepted;
  }

  public void setAccepted(boolean accepted) {
    this.accepted = accepted;
  }

  public String getReportedBy() {
    return reportedBy;
  }

  public void setReportedBy(String reportedBy) {
    this.reportedBy = reportedBy;
  }

  public Date getRecordedAt() {
    return recordedAt;
  }

  public void setRecordedAt(Date recordedAt) {
    this.recordedAt = recordedAt;
  }
}
