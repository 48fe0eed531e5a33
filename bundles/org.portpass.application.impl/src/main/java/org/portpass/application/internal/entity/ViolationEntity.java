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
import org.portpass.application.SubjectKind;
import org.portpass.application.Violation;
import org.portpass.application.ViolationType;

/**
 * A recorded violation, never changed: the type's names and ban are copied when it is recorded, so
 * a later change of the type does not shorten or lengthen a ban already given.
 */
@Entity
@Table(name = "violation")
public class ViolationEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  @Column(name = "subject_kind", nullable = false, length = 16)
  private SubjectKind subjectKind;

  @Column(name = "subject_id", nullable = false)
  private long subjectId;

  @Column(name = "company_id")
  private Long companyId;

  @Column(name = "type_code", nullable = false, length = 32)
  private String typeCode;

  @Column(name = "type_name_en", nullable = false, length = 200)
  private String typeNameEn;

  @Column(name = "type_name_zh_tw", nullable = false, length = 200)
  private String typeNameZhTw;

  @Column(name = "occurred_on", nullable = false)
  private LocalDate occurredOn;

  @Column(name = "port", nullable = false, length = 8)
  private String port;

  @Column(name = "seized_pass", length = 32)
  private String seizedPass;

  @Column(name = "note", length = 1000)
  private String note;

  @Column(name = "banned_until")
  private LocalDate bannedUntil;

  @Column(name = "single_visit_allowed", nullable = false)
  private boolean singleVisitAllowed;

  @Column(name = "recorded_by", nullable = false, length = 128)
  private String recordedBy;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "recorded_at", nullable = false)
  private Date recordedAt;

  /** A new violation of {@code type}: its ban runs from the day it occurred. */
  public static ViolationEntity of(
      SubjectKind kind,
      long subjectId,
      Long companyId,
      ViolationType type,
      LocalDate occurredOn,
      String port) {
    ViolationEntity v = new ViolationEntity();
    v.subjectKind = kind;
    v.subjectId = subjectId;
    v.companyId = companyId;
    v.typeCode = type.code();
    v.typeNameEn = type.nameEn();
    v.typeNameZhTw = type.nameZhTw();
    v.occurredOn = occurredOn;
    v.port = port;
    v.bannedUntil =
        type.banMonths() > 0 ? occurredOn.plusMonths(type.banMonths()).minusDays(1) : null;
    v.singleVisitAllowed = type.singleVisitAllowed();
    return v;
  }

  public Violation view() {
    return new Violation(
        id,
        subjectKind,
        subjectId,
        companyId,
        typeCode,
        typeNameEn,
        typeNameZhTw,
        occurredOn,
        port,
        seizedPass,
        note,
        bannedUntil,
        singleVisitAllowed,
        recordedBy,
        recordedAt.toInstant());
  }

  public void recorded(String seized, String text, String by, Date at) {
    seizedPass = seized;
    note = text;
    recordedBy = by;
    recordedAt = at;
  }

  public LocalDate getOccurredOn() {
    return occurredOn;
  }
}
