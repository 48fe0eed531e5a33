package org.portpass.application.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Version;
import org.portpass.application.ViolationType;

/** A violation type for one port or for all ports ({@code *}); unique by code and port. */
@Entity
@Table(name = "violation_type")
public class ViolationTypeEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "code", nullable = false, length = 32)
  private String code;

  @Column(name = "port", nullable = false, length = 8)
  private String port;

  @Column(name = "name_en", nullable = false, length = 200)
  private String nameEn;

  @Column(name = "name_zh_tw", nullable = false, length = 200)
  private String nameZhTw;

  @Column(name = "ban_months", nullable = false)
  private int banMonths;

  @Column(name = "single_visit_allowed", nullable = false)
  private boolean singleVisitAllowed;

  @Version
  @Column(name = "version", nullable = false)
  private long version;

  public ViolationType view() {
    return new ViolationType(code, port, nameEn, nameZhTw, banMonths, singleVisitAllowed);
  }

  public void set(ViolationType type) {
    code = type.code();
    port = type.port();
    nameEn = type.nameEn();
    nameZhTw = type.nameZhTw();
    banMonths = type.banMonths();
    singleVisitAllowed = type.singleVisitAllowed();
  }

  public String getCode() {
    return code;
  }

  public String getPort() {
    return port;
  }
}
