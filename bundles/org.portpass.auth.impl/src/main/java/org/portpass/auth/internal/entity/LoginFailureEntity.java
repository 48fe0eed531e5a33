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

/** One failed login, kept for the throttling window; shared by all server nodes. */
@Entity
@Table(name = "login_failure")
public class LoginFailureEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "username", nullable = false, length = 64)
  private String username;

  @Column(name = "client_address", nullable = false, length = 64)
  private String clientAddress;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "failed_at", nullable = false)
  private Date failedAt;

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
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

  public Date getFailedAt() {
    return failedAt;
  }

  public void setFailedAt(Date failedAt) {
    this.failedAt = failedAt;
  }
}
