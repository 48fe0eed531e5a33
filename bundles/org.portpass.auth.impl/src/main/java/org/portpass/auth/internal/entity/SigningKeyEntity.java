package org.portpass.auth.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/** The token signing key pair shared by every server node (PKCS#8 / X.509, base64). */
@Entity
@Table(name = "signing_key")
public class SigningKeyEntity {
  @Id
  @Column(name = "key_id", length = 64)
  private String keyId;

  @Column(name = "private_key", nullable = false, length = 4000)
  private String privateKey;

  @Column(name = "public_key", nullable = false, length = 4000)
  private String publicKey;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "created_at", nullable = false)
  private Date createdAt;

  public String getKeyId() {
    return keyId;
  }

  public void setKeyId(String keyId) {
    this.keyId = keyId;
  }

  public String getPrivateKey() {
    return privateKey;
  }

  public void setPrivateKey(String privateKey) {
    this.privateKey = privateKey;
  }

  public String getPublicKey() {
    return publicKey;
  }

  public void setPublicKey(String publicKey) {
    this.publicKey = publicKey;
  }

  public Date getCreatedAt() {
    return createdAt;
  }

  public void setCreatedAt(Date createdAt) {
    this.createdAt = createdAt;
  }
}
