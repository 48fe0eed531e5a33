package org.portpass.card.internal.entity;

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
import org.portpass.card.AttemptOutcome;
import org.portpass.card.CardStep;
import org.portpass.device.Fault;

/** One try at one step of a card job. */
@Entity
@Table(name = "card_attempt")
public class AttemptEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "job_id")
  private long jobId;

  @Enumerated(EnumType.STRING)
  @Column(name = "step")
  private CardStep step;

  @Column(name = "card_serial")
  private String cardSerial;

  @Column(name = "desk")
  private String desk;

  @Column(name = "device")
  private String device;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "started_at")
  private Date startedAt;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "finished_at")
  private Date finishedAt;

  @Enumerated(EnumType.STRING)
  @Column(name = "outcome")
  private AttemptOutcome outcome;

  @Enumerated(EnumType.STRING)
  @Column(name = "fault")
  private Fault fault;

  @Column(name = "message")
  private String message;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public long getJobId() {
    return jobId;
  }

  public void setJobId(long jobId) {
    this.jobId = jobId;
  }

  public CardStep getStep() {
    return step;
  }

  public void setStep(CardStep step) {
    this.step = step;
  }

  public String getCardSerial() {
    return cardSerial;
  }

  public void setCardSerial(String cardSerial) {
    this.cardSerial = cardSerial;
  }

  public String getDesk() {
    return desk;
  }

  public void setDesk(String desk) {
    this.desk = desk;
  }

  public String getDevice() {
    return device;
  }

  public void setDevice(String device) {
    this.device = device;
  }

  public Date getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(Date startedAt) {
    this.startedAt = startedAt;
  }

  public Date getFinishedAt() {
    return finishedAt;
  }

  public void setFinishedAt(Date finishedAt) {
    this.finishedAt = finishedAt;
  }

  public AttemptOutcome getOutcome() {
    return outcome;
  }

  public void setOutcome(AttemptOutcome outcome) {
    this.outcome = outcome;
  }

  public Fault getFault() {
    return fault;
  }

  public void setFault(Fault fault) {
    this.fault = fault;
  }

  public String getMessage() {
    return message;
  }

  public void setMessage(String message) {
    this.message = message;
  }
}
