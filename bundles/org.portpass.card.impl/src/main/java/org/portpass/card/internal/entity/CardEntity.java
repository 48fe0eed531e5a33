package org.portpass.card.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.Version;
import org.portpass.card.CardStatus;

/** A physical card made for a pass. */
@Entity
@Table(name = "card")
public class CardEntity {
  @Id
  @Column(name = "serial")
  private String serial;

  @Column(name = "pass_number")
  private String passNumber;

  @Column(name = "live_pass_number")
  private String livePassNumber;

  @Column(name = "job_id")
  private long jobId;

  @Enumerated(EnumType.STRING)
  @Column(name = "status")
  private CardStatus status;

  @Column(name = "pass_code")
  private String passCode;

  @Column(name = "chip_uid")
  private String chipUid;

  @Column(name = "void_reason")
  private String voidReason;

  @Column(name = "collected_by")
  private String collectedBy;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "collected_at")
  private Date collectedAt;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "created_at")
  private Date createdAt;

  @Version
  @Column(name = "version")
  private long version;

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public String getPassNumber() {
    return passNumber;
  }

  public void setPassNumber(String passNumber) {
    this.passNumber = passNumber;
  }

  public String getLivePassNumber() {
    return livePassNumber;
  }

  public void setLivePassNumber(String livePassNumber) {
    this.livePassNumber = livePassNumber;
  }

  public long getJobId() {
    return jobId;
  }

  public void setJobId(long jobId) {
    this.jobId = jobId;
  }

  public CardStatus getStatus() {
    return status;
  }

  public void setStatus(CardStatus status) {
    this.status = status;
  }

  public String getPassCode() {
    return passCode;
  }

  public void setPassCode(String passCode) {
    this.passCode = passCode;
  }

  public String getChipUid() {
    return chipUid;
  }

  public void setChipUid(String chipUid) {
    this.chipUid = chipUid;
  }

  public String getVoidReason() {
    return voidReason;
  }

  public void setVoidReason(String voidReason) {
    this.voidReason = voidReason;
  }

  public String getCollectedBy() {
    return collectedBy;
  }

  public void setCollectedBy(String collectedBy) {
    this.collectedBy = collectedBy;
  }

  public Date getCollectedAt() {
    return collectedAt;
  }

  public void setCollectedAt(Date collectedAt) {
    this.collectedAt = collectedAt;
  }

  public Date getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Date createdAt) {
    this.createdAt = createdAt;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
