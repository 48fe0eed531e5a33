package org.portpass.auth.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** An external assertion already used to log in; its primary key makes a replay fail. */
@Entity
@Table(name = "used_assertion")
public class UsedAssertionEntity {
  /** provider + ":" + assertion id. */
  @Id
  @Column(name = "assertion_key", length = 300)
  private String assertionKey;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "expires_at", nullable = false)
  private Date expiresAt;

  public String getAssertionKey() {
    return assertionKey;
  }

  public void setAssertionKey(String assertionKey) {
    this.assertionKey = assertionKey;
  }

  public Date getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Date expiresAt) {
    this.expiresAt = expiresAt;
  }
}
