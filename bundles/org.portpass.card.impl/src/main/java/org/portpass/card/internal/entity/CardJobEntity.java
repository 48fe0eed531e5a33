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
import javax.persistence.Version;
import org.portpass.card.CardJobStatus;
import org.portpass.card.CardStep;

/** The production of one card for a pass at its pickup port. */
@Entity
@Table(name = "card_job")
public class CardJobEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id")
  private Long id;

  @Column(name = "pass_number")
  private String passNumber;

  @Column(name = "open_pass_number")
  private String openPassNumber;

  @Column(name = "port")
  private String port;

  @Column(name = "generation")
  private int generation;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private CardJobStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "failed_step")
  private CardStep failedStep;

  @Enumerated(EnumType.STRING)
  @Column(name = "active_step")
  private CardStep activeStep;

  @Column(name = "desk")
  private String desk;

  @Column(name = "card_serial")
  private String cardSerial;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "ready_reported")
  private boolean readyReported;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "created_at")
  private Date createdAt;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "updated_at")
  private Date updatedAt;

  @Version
  @Column(name = "version")
  private long version;

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

  public String getOpenPassNumber() {
    return openPassNumber;
  }

  public void setOpenPassNumber(String openPassNumber) {
    this.openPassNumber = openPassNumber;
  }

  public String getPort() {
    return port;
  }

  public void setPort(String port) {
    this.port = port;
  }

  public int getGeneration() {
    return generation;
  }

  public void setGeneration(int generation) {
    this.generation = generation;
  }

  public CardJobStatus getStatus() {
    return status;
  }

  public void setStatus(CardJobStatus status) {
    this.status = status;
  }

  public CardStep getFailedStep() {
    return failedStep;
  }

  public void setFailedStep(CardStep failedStep) {
    this.failedStep = failedStep;
  }

  public CardStep getActiveStep() {
    return activeStep;
  }

  public void setActiveStep(CardStep activeStep) {
    this.activeStep = activeStep;
  }

  public String getDesk() {
    return desk;
  }

  public void setDesk(String desk) {
    this.desk = desk;
  }

  public String getCardSerial() {
    return cardSerial;
  }

  public void setCardSerial(String cardSerial) {
    this.cardSerial = cardSerial;
  }

  public String getLastError() {
    return lastError;
  }

  public void setLastError(String lastError) {
    this.lastError = lastError;
  }

  public boolean getReadyReported() {
    return readyReported;
  }

  public void setReadyReported(boolean readyReported) {
    this.readyReported = readyReported;
  }

  public Date getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Date createdAt) {
    this.createdAt = createdAt;
  }

  public Date getUpdatedAt() {
    return updatedAt;
  }

  public void setUpdatedAt(Date updatedAt) {
    this.updatedAt = updatedAt;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
