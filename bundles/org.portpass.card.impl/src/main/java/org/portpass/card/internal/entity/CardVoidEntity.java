package org.portpass.card.internal.entity;

import java.util.Date;
import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;
import javax.persistence.Temporal;
import javax.persistence.TemporalType;

/**
 * A card voided and not yet on the revocation list: persisted with the void, in its transaction (as
 * an entity, so it is flushed with the card's own change, in the order the unit of work keeps).
 */
@Entity
@Table(name = "revocation_card_void")
public class CardVoidEntity {
  @Id
  @Column(name = "serial")
  private String serial;

  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "voided_at")
  private Date voidedAt;

  public String getSerial() {
    return serial;
  }

  public void setSerial(String serial) {
    this.serial = serial;
  }

  public Date getVoidedAt() {
    return voidedAt;
  }

  public void setVoidedAt(Date voidedAt) {
    this.voidedAt = voidedAt;
  }
}
