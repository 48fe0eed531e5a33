package org.portpass.application.internal.entity;

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
import org.portpass.application.Stage;

/**
 * An open review task: a port that has still to decide on a line at the line's stage. Kept beside
 * the line so a port's queue is an index range, in the queue's order, instead of a text search over
 * the lines' port lists.
 */
@Entity
@Table(name = "review_task")
public class ReviewTaskEntity {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "line_id", nullable = false)
  private long lineId;

  @Column(name = "port", nullable = false, length = 8)
  private String port;

  @Enumerated(EnumType.STRING)
  @Column(name = "stage", nullable = false, length = 16)
  private Stage stage;

  /** The form's submission: the queue serves the oldest first. */
  @Temporal(TemporalType.TIMESTAMP)
  @Column(name = "submitted_at", nullable = false)
  private Date submittedAt;

  @Column(name = "form_id", nullable = false)
  private long formId;

  @Column(name = "line_no", nullable = false)
  private int lineNo;

  protected ReviewTaskEntity() {}

  public ReviewTaskEntity(LineEntity line, String port, Stage stage) {
    this.lineId = line.getId();
    this.port = port;
    this.stage = stage;
    this.submittedAt = line.getForm().getSubmittedAt();
    this.formId = line.getForm().getId();
    this.lineNo = line.getLineNo();
  }

  public long getLineId() {
    return lineId;
  }
}
