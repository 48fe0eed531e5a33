package org.portpass.application.internal.service;

import static org.portpass.application.internal.service.FormAccess.draft;
import static org.portpass.application.internal.service.FormAccess.lineCount;
import static org.portpass.application.internal.service.FormAccess.requireCompanyWriter;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.portpass.application.ApplicationForm;
import org.portpass.application.FormInput;
import org.portpass.application.FormLineInput;
import org.portpass.application.FormStatus;
import org.portpass.application.LineStatus;
import org.portpass.application.internal.entity.FormEntity;
import org.portpass.application.internal.entity.LineEntity;
import org.portpass.core.Caller;
import org.portpass.core.FieldError;
import org.portpass.core.PortCode;
import org.portpass.core.PortDirectory;
import org.portpass.core.ValidationException;
import org.portpass.storage.AuditTrail;
import org.portpass.storage.Transactions;

/** A company's draft box: drafts are saved, changed and deleted whole, and may be incomplete. */
final class DraftBox {
  private final Transactions tx;
  private final PortDirectory ports;

  DraftBox(Transactions tx, PortDirectory ports) {
    this.tx = tx;
    this.ports = ports;
  }

  public ApplicationForm saveDraft(Caller caller, FormInput input) {
    long company = requireCompanyWriter(caller);
    FormEntity form = new FormEntity();
    form.setCompanyId(company);
    form.setStatus(FormStatus.DRAFT);
    form.setCreatedBy(caller.username());
    form.setCreatedAt(new Date());
    fill(form, input);
    return tx.write(
        em -> {
          em.persist(form);
          em.flush();
          AuditTrail.append(
              em,
              caller,
              "form.draft",
              "form",
              String.valueOf(form.getId()),
              null,
              lineCount(form));
          return form;
        },
        Views::form);
  }

  public ApplicationForm updateDraft(Caller caller, long formId, FormInput input, long version) {
    requireCompanyWriter(caller);
    return tx.write(
        em -> {
          FormEntity form = draft(em, caller, formId, version);
          // old lines go first: OpenJPA does not order the deletes before the new line numbers
          form.getLines().clear();
          em.flush();
          fill(form, input);
          em.flush();
          AuditTrail.append(
              em,
              caller,
              "form.draft.update",
              "form",
              String.valueOf(formId),
              null,
              lineCount(form));
          return form;
        },
        Views::form);
  }

  public void deleteDraft(Caller caller, long formId, long version) {
    requireCompanyWriter(caller);
    tx.write(
        em -> {
          FormEntity form = draft(em, caller, formId, version);
          AuditTrail.append(
              em,
              caller,
              "form.draft.delete",
              "form",
              String.valueOf(formId),
              lineCount(form),
              null);
          form.getLines().clear(); // lines before their form: the foreign key
          em.flush();
          em.remove(form);
        });
  }

  /** Copies a draft's content; a draft may be incomplete, so only its shape is checked here. */
  private void fill(FormEntity form, FormInput input) {
    if (input == null) {
      throw ValidationException.of("form", "form-body-required", "a form body is required");
    }
    List<FieldError> errors = new ArrayList<>();
    Set<String> accessPorts = accessPorts(input, errors);
    String pickup = pickupPort(input, errors);
    if (input.purpose() != null && input.purpose().length() > 255) {
      errors.add(FieldError.of("purpose", "at-most-characters", "at most 255 characters", 255));
    }
    List<FormLineInput> lines = input.lines() == null ? List.of() : input.lines();
    if (lines.size() > Submissions.MAX_LINES) {
      errors.add(
          FieldError.of(
              "lines",
              "max-lines",
              "at most " + Submissions.MAX_LINES + " lines per form",
              Submissions.MAX_LINES));
    }
    tooManyAttachments("companyAttachmentIds", input.companyAttachmentIds(), errors);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i) != null) {
        tooManyAttachments("lines/" + i + "/attachmentIds", lines.get(i).attachmentIds(), errors);
      }
    }
    if (!errors.isEmpty()) {
      throw new ValidationException(errors);
    }
    form.setPassType(input.passType());
    form.setAccessPorts(Codes.join(accessPorts));
    form.setPickupPort(pickup);
    form.setPurpose(input.purpose() == null ? null : input.purpose().strip());
    form.setCompanyAttachments(Codes.join(Views.ids(input.companyAttachmentIds())));
    form.getLines().clear();
    int no = 1;
    for (FormLineInput in : lines) {
      form.getLines().add(draftLine(form, no++, in, accessPorts));
    }
  }

  private static LineEntity draftLine(
      FormEntity form, int no, FormLineInput in, Set<String> accessPorts) {
    LineEntity line = new LineEntity();
    line.setForm(form);
    line.setLineNo(no);
    if (in != null) {
      line.setSubjectKind(in.subjectKind());
      line.setSubjectId(in.subjectId());
      line.setValidFrom(in.validFrom());
      line.setValidTo(in.validTo());
      line.setAttachmentIds(Codes.join(Views.ids(in.attachmentIds())));
    }
    line.setStatus(LineStatus.DRAFT);
    line.setAccessPorts(Codes.join(accessPorts));
    return line;
  }

  /** The access ports, in capitals; an unknown one is an error. */
  private Set<String> accessPorts(FormInput input, List<FieldError> errors) {
    Set<String> known = ports.codes();
    Set<String> accessPorts = new TreeSet<>();
    for (String port : input.accessPorts() == null ? Set.<String>of() : input.accessPorts()) {
      String code = PortCode.normalise(port);
      if (!known.contains(code)) {
        errors.add(
            FieldError.of(
                "accessPorts",
                "unknown-port-known",
                "unknown port " + port + "; known: " + known,
                port,
                known));
      }
      accessPorts.add(code);
    }
    return accessPorts;
  }

  private String pickupPort(FormInput input, List<FieldError> errors) {
    Set<String> known = ports.codes();
    String pickup = input.pickupPort() == null ? null : PortCode.normalise(input.pickupPort());
    if (pickup != null && !known.contains(pickup)) {
      errors.add(
          FieldError.of(
              "pickupPort",
              "unknown-port",
              "unknown port " + input.pickupPort(),
              input.pickupPort()));
    }
    return pickup;
  }

  static void tooManyAttachments(String field, List<Long> ids, List<FieldError> errors) {
    if (ids != null && ids.size() > Submissions.MAX_ATTACHMENTS) {
      errors.add(
          FieldError.of(
              field,
              "max-attachments",
              "at most " + Submissions.MAX_ATTACHMENTS + " attachments",
              Submissions.MAX_ATTACHMENTS));
    }
  }
}
