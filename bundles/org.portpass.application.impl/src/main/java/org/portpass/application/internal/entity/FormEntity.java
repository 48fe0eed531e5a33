package org.portpass.application.internal.entity;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.OneToMany;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;
import javax.persistence.Version;
import org.portpass.application.FormStatus;
import org.portpass.application.PassType;

/** An application form (申請單): the carrier of lines. Port lists are stored as ",KEL,KHH,". */
@Entity
@Table(name = "application_form")
public class FormEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "form_number", length = 32)
  private String number;

  @Column(name = "company_id", nullable = false)
  private long companyId;

  @Enumerated(EnumType.STRING)
  @Column(name = "pass_type", length = 16)
  private PassType passType;

  @Column(name = "access_ports", length = 255)
  private String accessPorts;

  @Column(name = "pickup_port", length = 8)
  private String pickupPort;

  @Column(name = "purpose", length = 255)
  private String purpose;

  @Column(name = "company_attachments", length = 1000)
  private String companyAttachments;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private FormStatus status;

  @Column(name = "idempotency_key", length = 100)
  private String idempotencyKey;

  @Column(name = "created_by", nullable = false, length = 128)
  private String createdBy;

  @OneToMany(mappedBy = "form", cascade = CascadeType.ALL, orphanRemoval = true)
  @OrderBy("lineNo")
  private List<LineEntity> lines = new ArrayList<>();

  @Version
  @Column(name = "version")
  private long version;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "created_at", nullable = false)
  private Date createdAt;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "submitted_at")
  private Date submittedAt;

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

  public long getCompanyId() {
    return companyId;
  }

  public void setCompanyId(long companyId) {
    this.companyId = companyId;
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

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public String getCompanyAttachments() {
    return companyAttachments;
  }

  public void setCompanyAttachments(String companyAttachments) {
    this.companyAttachments = companyAttachments;
  }

  public FormStatus getStatus() {
    return status;
  }

  public void setStatus(FormStatus status) {
    this.status = status;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public void setIdempotencyKey(String idempotencyKey) {
    this.idempotencyKey = idempotencyKey;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public void setCreatedBy(String createdBy) {
    this.createdBy = createdBy;
  }

  public List<LineEntity> getLines() {
    return lines;
  }

  public void setLines(List<LineEntity> lines) {
    this.lines = lines;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }

  public Date getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Date createdAt) {
    this.createdAt = createdAt;
  }

  public Date getSubmittedAt() {
    return submittedAt;
  }

  public void setSubmittedAt(Date submittedAt) {
    this.submittedAt = submittedAt;
  }
}
