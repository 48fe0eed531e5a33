package org.portpass.auth.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** A bearer token logged out before its expiry. */
@Entity
@Table(name = "revoked_token")
public class RevokedTokenEntity {
  @Id
  @Column(name = "token_id", length = 64)
  private String tokenId;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "expires_at", nullable = false)
  private Date expiresAt;

  /** Set by the database (its clock is the same for every node), for the nodes' revocation feed. */
  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "revoked_at", insertable = false, updatable = false)
  private Date revokedAt;

  public String getTokenId() {
    return tokenId;
  }

  public void setTokenId(String tokenId) {
    this.tokenId = tokenId;
  }

  public Date getExpiresAt() {
    return expiresAt;
  }

  public void setExpiresAt(Date expiresAt) {
    this.expiresAt = expiresAt;
  }

  public Date getRevokedAt() {
    return revokedAt;
  }
}
