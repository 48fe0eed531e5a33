package org.portpass.application;

import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/**
 * Application forms for companies: the draft box, submission, and fixing or cancelling lines.
 *
 * <p>Forms are changed by company accounts ({@code COMPANY_USER}, {@code COMPANY_ADMIN}) of the
 * form's company only; customer service and administrators may read every form. A form of another
 * company is reported as not found ({@code NotFoundException}); a caller without a company role
 * gets {@code ForbiddenException}. Problems with the input are reported together as a {@code
 * ValidationException} with one field error each (e.g. {@code lines/3/validTo}).
 */
@ProviderType
public interface ApplicationService {
  /**
   * Saves a new draft (草稿匣) for the caller's company. A draft may be incomplete; what is given is
   * checked: known ports, persons and vehicles of the caller's company, attachments of those
   * subjects (or of the company), valid-from not after valid-to.
   */
  ApplicationForm saveDraft(Caller caller, FormInput form);

  /**
   * Replaces a draft's content, checked as in {@link #saveDraft}.
   *
   * @param version the version the client read; a different one gives {@code ConflictException}
   *     {@code stale-version}; a form that is no longer a draft gives {@code ConflictException}
   */
  ApplicationForm updateDraft(Caller caller, long formId, FormInput form, long version);

  /** Deletes a draft; submitted forms cannot be deleted (their lines can be cancelled). */
  void deleteDraft(Caller caller, long formId, long version);

  /** Forms the caller may see, newest first. */
  Page<FormSummary> listForms(Caller caller, FormQuery query, PageRequest page);

  /** The form with all its lines. */
  ApplicationForm getForm(Caller caller, long formId);

  /**
   * Submits a draft (送審): checks it is complete (pass type, access ports, a pickup port, at least
   * one line, at least {@link PassType#MIN_TEMPORARY_LINES} for a temporary form, no subject twice,
   * validity within the pass type's limits), that the company is verified, the frequency limits
   * ({@code TooManyRequestsException} naming the limit) and the core and port rules (a blocking
   * finding gives {@code ValidationException}). Then snapshots every subject's data and ticked
   * attachments, gives the form its number and sends every line to {@link Stage#REVIEW} at every
   * access port.
   *
   * @param idempotencyKey chosen by the client per submission; repeating a call with the same key
   *     returns the first call's result instead of failing or submitting twice
   */
  ApplicationForm submit(Caller caller, long formId, String idempotencyKey);

  /**
   * Fixes a returned line and sends it again (重送): the line's dates and attachments are replaced,
   * its subject's data snapshotted anew, and it restarts at {@link Stage#REVIEW} at every access
   * port with its revision increased. Checked like a submission. {@code line.subjectKind} and
   * {@code line.subjectId} must be the line's own (a different subject needs a new form).
   *
   * @throws IllegalTransitionException if the line is not returned
   */
  FormLine resubmitLine(Caller caller, long lineId, FormLineInput line);

  /**
   * Cancels a line (自行取消) before card production; its open review tasks are withdrawn.
   *
   * @throws IllegalTransitionException if the line is in production or beyond
   */
  FormLine cancelLine(Caller caller, long lineId);

  /**
   * Cancels every line of a submitted form that can still be cancelled; lines in production or
   * beyond are left as they are. Drafts are deleted with {@link #deleteDraft} instead.
   *
   * @throws IllegalTransitionException if no line of the form can be cancelled
   */
  ApplicationForm cancelForm(Caller caller, long formId);

  /**
   * What a port requires of a submission (any logged-in caller): validity limits, frequency limits
   * and the attachments its rule bundles require.
   *
   * @throws org.portpass.core.NotFoundException for a port not in the port directory
   */
  PortRequirements requirements(Caller caller, String port);

  /** The validity and frequency limits in force, for anyone who asks (they are no secret). */
  ApplicationLimits limits(Caller caller);
}
