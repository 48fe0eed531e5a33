package org.portpass.application.internal.service;

import static org.portpass.application.internal.service.FormAccess.line;
import static org.portpass.application.internal.service.FormAccess.lineCount;
import static org.portpass.application.internal.service.FormAccess.requireCompanyWriter;
import static org.portpass.application.internal.service.FormAccess.writable;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import javax.persistence.EntityManager;
import org.portpass.application.ApplicationConflicts;
import org.portpass.application.ApplicationForm;
import org.portpass.application.Decision;
import org.portpass.application.FormLine;
import org.portpass.application.FormLineInput;
import org.portpass.application.FormStatus;
import org.portpass.application.LineFlow;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.PortTime;
import org.portpass.core.Texts;
import org.portpass.core.ValidationException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.Transactions;

/**
 * Sending a form, and a returned line again: every check of {@link Submissions} runs first, outside
 * the transaction, and the checks against stored lines once more inside it, on the version that was
 * checked.
 */
final class FormSubmission {
  private final Transactions tx;
  private final Submissions submissions;
  private final PortTime time;

  FormSubmission(Transactions tx, Submissions submissions, PortTime time) {
    this.tx = tx;
    this.submissions = submissions;
    this.time = time;
  }

  ApplicationForm submit(
      Caller caller, long formId, String idempotencyKey, ApplicationSettings current) {
    requireCompanyWriter(caller);
    String key = idempotencyKey(idempotencyKey);
    Object state =
        tx.read(
            em -> {
              FormEntity form = writable(em, caller, formId);
              return form.getStatus() == FormStatus.DRAFT ? draftOf(form) : submitted(form, key);
            });
    if (state instanceof ApplicationForm retried) {
      return retried;
    }
    Submissions.Draft draft = (Submissions.Draft) state;
    Map<Long, Submissions.Facts> facts = gather(caller, draft, current, true);
    return tx.write(
        em -> {
          FormEntity form = writable(em, caller, formId);
          if (form.getStatus() != FormStatus.DRAFT) {
            submitted(form, key);
            return form;
          }
          if (form.getVersion() != draft.version()) {
            throw ConflictException.staleVersion(
                "form " + formId, draft.version(), form.getVersion());
          }
          recheck(em, draft, current);
          send(em, caller, form, key, facts);
          return form;
        },
        Views::form);
  }

  /** The checked draft becomes a submitted form: numbered, its lines in review at every port. */
  private void send(
      EntityManager em,
      Caller caller,
      FormEntity form,
      String key,
      Map<Long, Submissions.Facts> facts) {
    for (LineEntity line : form.getLines()) {
      snapshot(line, facts.get(line.getId()));
      Views.apply(line, LineFlow.draft(Codes.ports(form.getAccessPorts())).submit());
    }
    form.setStatus(FormStatus.SUBMITTED);
    form.setSubmittedAt(Date.from(time.clock().instant())); // the limits count by the port time
    form.setIdempotencyKey(key);
    form.setNumber(String.format("AF%d-%07d", time.today().getYear(), form.getId()));
    em.flush();
    for (LineEntity line : form.getLines()) {
      LineStorage.record(em, caller, line, Decision.SUBMIT, null);
      ReviewTasks.open(em, line);
    }
    AuditTrail.append(
        em,
        caller,
        "form.submit",
        "form",
        String.valueOf(form.getId()),
        null,
        form.getNumber() + ", " + lineCount(form));
  }

  private static String idempotencyKey(String idempotencyKey) {
    if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 100) {
      throw ValidationException.of(
          "Idempotency-Key",
          "idempotency-key-length",
          "send a key of 1 to 100 characters per submission");
    }
    return idempotencyKey.strip();
  }

  /** Every check of the draft at once, outside the transaction; the facts the lines keep. */
  private Map<Long, Submissions.Facts> gather(
      Caller caller, Submissions.Draft draft, ApplicationSettings current, boolean wholeForm) {
    List<FieldError> errors = new ArrayList<>();
    Map<Long, Submissions.Facts> facts =
        submissions.gather(caller, draft, current, wholeForm, errors);
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    return facts;
  }

  /** The checks against stored lines again, inside the transaction that stores the result. */
  private void recheck(EntityManager em, Submissions.Draft draft, ApplicationSettings current) {
    List<FieldError> more = new ArrayList<>();
    submissions.checkAgainstStoredLines(em, draft, current, more);
    if (!more.isEmpty()) {
      throw new ValidationException(more);
    }
  }

  FormLine resubmitLine(
      Caller caller, long lineId, FormLineInput input, ApplicationSettings current) {
    requireCompanyWriter(caller);
    if (input == null) {
      throw ValidationException.of(
          "line", "line-dates-attachments", "the line's dates and attachments are required");
    }
    List<FieldError> tooMany = new ArrayList<>();
    DraftBox.tooManyAttachments("attachmentIds", input.attachmentIds(), tooMany);
    if (!tooMany.isEmpty()) {
      throw new ValidationException(tooMany);
    }
    Submissions.Draft draft = tx.read(em -> resubmission(line(em, caller, lineId), input));
    Map<Long, Submissions.Facts> facts = gather(caller, draft, current, false);
    return tx.write(
        em -> {
          LineEntity line = line(em, caller, lineId);
          if (line.getVersion() != draft.version()) {
            throw ConflictException.staleVersion(
                "line " + lineId, draft.version(), line.getVersion());
          }
          recheck(em, draft, current);
          line.setValidFrom(input.validFrom());
          line.setValidTo(input.validTo());
          line.setAttachmentIds(Codes.join(Views.ids(input.attachmentIds())));
          snapshot(line, facts.get(lineId));
          Views.apply(line, Views.flow(line).resubmit());
          LineStorage.record(em, caller, line, Decision.RESUBMIT, null);
          em.flush();
          ReviewTasks.sync(em, line);
          AuditTrail.append(
              em,
              caller,
              "line.resubmit",
              "line",
              String.valueOf(lineId),
              null,
              "revision " + line.getRevision());
          return line;
        },
        Views::line);
  }

  /** The returned line with its new dates and attachments, as the checks see it. */
  private static Submissions.Draft resubmission(LineEntity line, FormLineInput input) {
    if ((input.subjectKind() != null && input.subjectKind() != line.getSubjectKind())
        || (input.subjectId() != null && !input.subjectId().equals(line.getSubjectId()))) {
      throw ValidationException.of(
          "subjectId",
          "resubmit-keeps-subject",
          "a resubmitted line keeps its person or vehicle; use a new form for another");
    }
    Views.flow(line).resubmit(); // refuses a line that is not returned, before any other check
    FormEntity form = line.getForm();
    return new Submissions.Draft(
        form.getId(),
        line.getVersion(),
        form.getCompanyId(),
        form.getPassType(),
        Codes.ports(form.getAccessPorts()),
        form.getPickupPort(),
        List.of(
            new Submissions.DraftLine(
                line.getId(),
                line.getLineNo(),
                line.getSubjectKind(),
                line.getSubjectId(),
                input.validFrom(),
                input.validTo(),
                Views.ids(input.attachmentIds()))));
  }

  private static Submissions.Draft draftOf(FormEntity form) {
    return new Submissions.Draft(
        form.getId(),
        form.getVersion(),
        form.getCompanyId(),
        form.getPassType(),
        Codes.ports(form.getAccessPorts()),
        form.getPickupPort(),
        form.getLines().stream()
            .map(
                l ->
                    new Submissions.DraftLine(
                        l.getId(),
                        l.getLineNo(),
                        l.getSubjectKind(),
                        l.getSubjectId(),
                        l.getValidFrom(),
                        l.getValidTo(),
                        Codes.ids(l.getAttachmentIds())))
            .toList());
  }

  /**
   * A repeated submission with the same key gets the first one's result; another key is refused.
   */
  private static ApplicationForm submitted(FormEntity form, String key) {
    if (key.equals(form.getIdempotencyKey())) {
      return Views.form(form);
    }
    throw new ConflictException(
        ApplicationConflicts.ALREADY_SUBMITTED,
        null,
        "form " + form.getNumber() + " was already submitted",
        "already-submitted",
        form.getNumber());
  }

  private static void snapshot(LineEntity line, Submissions.Facts facts) {
    line.setSubjectLabel(Texts.cut(facts.label(), 255));
    line.setSubjectSnapshot(Texts.cut(facts.snapshot(), 4000));
    line.setAttachmentSnapshot(Texts.cut(facts.attachmentSnapshot(), 2000));
    line.setFindings(LineStorage.encode(facts.findings()));
  }
}
