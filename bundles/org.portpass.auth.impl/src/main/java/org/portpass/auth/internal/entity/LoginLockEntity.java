package org.portpass.auth.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A lock on failing logins: of one user name from one address (scope PAIR), or of one address for
 * every user name (scope ADDRESS). Open until released (expired or after a good login), kept after
 * that as history; shared by all server nodes.
 */
@Entity
@Table(name = "login_lock")
public class LoginLockEntity {
  public static final String PAIR = "PAIR";
  public static final String ADDRESS = "ADDRESS";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "scope", nullable = false, length = 8)
  private String scope;

  /** The user name for a PAIR lock; null for an ADDRESS lock. */
  @Column(name = "username", length = 64)
  private String username;

  @Column(name = "client_address", nullable = false, length = 64)
  private String clientAddress;

  @Column(name = "failures", nullable = false)
  private int failures;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "locked_at", nullable = false)
  private Date lockedAt;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "locked_until", nullable = false)
  private Date lockedUntil;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "released_at")
  private Date releasedAt;

  public Long getId() {
    return id;
  }

  public String getScope() {
    return scope;
  }

  public void setScope(String scope) {
    this.scope = scope;
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getClientAddress() {
    return clientAddress;
  }

  public void setClientAddress(String clientAddress) {
    this.clientAddress = clientAddress;
  }

  public int getFailures() {
    return failures;
  }

  public void setFailures(int failures) {
    this.failures = failures;
  }

  public Date getLockedAt() {
    return lockedAt;
  }

  public void setLockedAt(Date lockedAt) {
    this.lockedAt = lockedAt;
  }

  public Date getLockedUntil() {
    return lockedUntil;
  }

  public void setLockedUntil(Date lockedUntil) {
    this.lockedUntil = lockedUntil;
  }

  public Date getReleasedAt() {
    return releasedAt;
  }

  public void setReleasedAt(Date releasedAt) {
    this.releasedAt = releasedAt;
  }
}
