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

/** An identity proven by an external provider (e.g. an MTNet subject), linked to one account. */
@Entity
@Table(name = "external_identity")
public class ExternalIdentityEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "provider", nullable = false, length = 32)
  private String provider;

  @Column(name = "subject", nullable = false, length = 255)
  private String subject;

  @Column(name = "account_id", nullable = false)
  private long accountId;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "linked_at", nullable = false)
  private Date linkedAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getProvider() {
    return provider;
  }

  public void setProvider(String provider) {
    this.provider = provider;
  }

  public String getSubject() {
    return subject;
  }

  public void setSubject(String subject) {
    this.subject = subject;
  }

  public long getAccountId() {
    return accountId;
  }

  public void setAccountId(long accountId) {
    this.accountId = accountId;
  }

  public Date getLinkedAt() {
    return linkedAt;
  }

  public void setLinkedAt(Date linkedAt) {
    this.linkedAt = linkedAt;
  }
}
