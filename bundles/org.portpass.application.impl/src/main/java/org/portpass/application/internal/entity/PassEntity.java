package org.portpass.application.internal.entity;

import java.time.LocalDate;
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
import org.portpass.application.PassStatus;
import org.portpass.application.PassType;
import org.portpass.application.SubjectKind;

/** A pass (通行證) issued when every access port's supervisor approved a line. */
@Entity
@Table(name = "pass")
public class PassEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "pass_number", length = 32)
  private String number;

  @Column(name = "line_id", nullable = false)
  private long lineId;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_kind", nullable = false, length = 16)
  private SubjectKind subjectKind;

  @Column(name = "subject_id", nullable = false)
  private long subjectId;

  @Enumerated(EnumType.STRING)
  @Column(name = "pass_type", nullable = false, length = 16)
  private PassType passType;

  @Column(name = "access_ports", nullable = false, length = 255)
  private String accessPorts;

  @Column(name = "pickup_port", nullable = false, length = 8)
  private String pickupPort;

  @Column(name = "valid_from", nullable = false)
  private LocalDate validFrom;

  @Column(name = "valid_to", nullable = false)
  private LocalDate validTo;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private PassStatus status;

  @Column(name = "status_reason", length = 1000)
  private String statusReason;

  @Column(name = "collected_by", length = 200)
  private String collectedBy;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "collected_at")
  private Date collectedAt;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "created_at", nullable = false)
  private Date createdAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getNumber() {
    return number;
  }

  public void setNumber(String number) {
    this.number = number;
  }

  public long getLineId() {
    return lineId;
  }

  public void setLineId(long lineId) {
    this.lineId = lineId;
  }

  public SubjectKind getSubjectKind() {
    return subjectKind;
  }

  public void setSubjectKind(SubjectKind subjectKind) {
    this.subjectKind = subjectKind;
  }

  public long getSubjectId() {
    return subjectId;
  }

  public void setSubjectId(long subjectId) {
    this.subjectId = subjectId;
  }

  public PassType getPassType() {
    return passType;
  }

  public void setPassType(PassType passType) {
    this.passType = passType;
  }

  public String getAccessPorts() {
    return accessPorts;
  }

  public void setAccessPorts(String accessPorts) {
    this.accessPorts = accessPorts;
  }

  public String getPickupPort() {
    return pickupPort;
  }

  public void setPickupPort(String pickupPort) {
    this.pickupPort = pickupPort;
  }

  public LocalDate getValidFrom() {
    return validFrom;
  }

  public void setValidFrom(LocalDate validFrom) {
    this.validFrom = validFrom;
  }

  public LocalDate getValidTo() {
    return validTo;
  }

  public void setValidTo(LocalDate validTo) {
    this.validTo = validTo;
  }

  public String getStatusReason() {
    return statusReason;
  }

  public void setStatusReason(String statusReason) {
    this.statusReason = statusReason;
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

  public long getVersion() {
    return version;
  }

  public PassStatus getStatus() {
    return status;
  }

  public void setStatus(PassStatus status) {
    this.status = status;
  }

  public Date getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Date createdAt) {
    this.createdAt = createdAt;
  }
}
