package org.portpass.application.internal.entity;

import java.time.LocalDate;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.EnumType;
import javax.persistence.Enumerated;
import javax.persistence.FetchType;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;
import javax.persistence.Version;
import org.portpass.application.LineStatus;
import org.portpass.application.SubjectKind;

/**
 * One person or vehicle on a form, with the snapshot of its data as submitted and its own review
 * state. The version column makes concurrent decisions on one line serialise: one wins.
 */
@Entity
@Table(name = "application_line")
public class LineEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "form_id", nullable = false)
  private FormEntity form;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_kind", length = 16)
  private SubjectKind subjectKind;

  @Column(name = "subject_id")
  private Long subjectId;

  @Column(name = "subject_label", length = 255)
  private String subjectLabel;

  @Column(name = "subject_snapshot", length = 4000)
  private String subjectSnapshot;

  @Column(name = "attachment_ids", length = 1000)
  private String attachmentIds;

  @Column(name = "attachment_snapshot", length = 2000)
  private String attachmentSnapshot;

  @Column(name = "valid_from")
  private LocalDate validFrom;

  @Column(name = "valid_to")
  private LocalDate validTo;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false, length = 16)
  private LineStatus status;

  @Column(name = "access_ports", length = 255)
  private String accessPorts;

  @Column(name = "approvals", length = 255)
  private String approvals;

  @Column(name = "revision", nullable = false)
  private int revision;

  @Column(name = "last_reason", length = 1000)
  private String lastReason;

  /** The pass issued for this line, once every supervisor approved it (a copy of pass.number). */
  @Column(name = "pass_number", length = 32)
  private String passNumber;

  @Column(name = "findings", length = 4000)
  private String findings;

  @Version
  @Column(name = "version")
  private long version;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public FormEntity getForm() {
    return form;
  }

  public void setForm(FormEntity form) {
    this.form = form;
  }

  public int getLineNo() {
    return lineNo;
  }

  public void setLineNo(int lineNo) {
    this.lineNo = lineNo;
  }

  public SubjectKind getSubjectKind() {
    return subjectKind;
  }

  public void setSubjectKind(SubjectKind subjectKind) {
    this.subjectKind = subjectKind;
  }

  public Long getSubjectId() {
    return subjectId;
  }

  public void setSubjectId(Long subjectId) {
    this.subjectId = subjectId;
  }

  public String getSubjectLabel() {
    return subjectLabel;
  }

  public void setSubjectLabel(String subjectLabel) {
    this.subjectLabel = subjectLabel;
  }

  public String getSubjectSnapshot() {
    return subjectSnapshot;
  }

  public void setSubjectSnapshot(String subjectSnapshot) {
    this.subjectSnapshot = subjectSnapshot;
  }

  public String getAttachmentIds() {
    return attachmentIds;
  }

  public void setAttachmentIds(String attachmentIds) {
    this.attachmentIds = attachmentIds;
  }

  public String getAttachmentSnapshot() {
    return attachmentSnapshot;
  }

  public void setAttachmentSnapshot(String attachmentSnapshot) {
    this.attachmentSnapshot = attachmentSnapshot;
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

  public LineStatus getStatus() {
    return status;
  }

  public void setStatus(LineStatus status) {
    this.status = status;
  }

  public String getAccessPorts() {
    return accessPorts;
  }

  public void setAccessPorts(String accessPorts) {
    this.accessPorts = accessPorts;
  }

  public String getApprovals() {
    return approvals;
  }

  public void setApprovals(String approvals) {
    this.approvals = approvals;
  }

  public int getRevision() {
    return revision;
  }

  public void setRevision(int revision) {
    this.revision = revision;
  }

  public String getLastReason() {
    return lastReason;
  }

  public void setLastReason(String lastReason) {
    this.lastReason = lastReason;
  }

  public String getPassNumber() {
    return passNumber;
  }

  public void setPassNumber(String passNumber) {
    this.passNumber = passNumber;
  }

  public String getFindings() {
    return findings;
  }

  public void setFindings(String findings) {
    this.findings = findings;
  }

  public long getVersion() {
    return version;
  }

  public void setVersion(long version) {
    this.version = version;
  }
}
