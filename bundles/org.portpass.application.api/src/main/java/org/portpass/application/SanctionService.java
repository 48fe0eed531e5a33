package org.portpass.application;

import java.time.LocalDate;
import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;

/**
 * Violations and the bans they carry (管制): recorded by the harbor police or the port authority,
 * with the seizure (查扣) of the pass in the same transaction; a banned subject's lines and a
 * suspended company's forms are refused at submission. Violation types are data, per port.
 */
@ProviderType
public interface SanctionService {
  /**
   * Records a violation (POLICE or SUPERVISOR of its port, ADMIN); seizes {@code seizedPass} when
   * given, which must be valid and the subject's.
   */
  Violation record(Caller caller, ViolationInput input);

  /** Readable by administrators, customer service, port staff and the subject's company. */
  Violation get(Caller caller, long id);

  /** A subject's violations, newest first (the reviewer's view of its history). */
  List<Violation> ofSubject(Caller caller, SubjectKind kind, long subjectId);

  /** A company's staff's violations, newest first (port staff, administrators, the company). */
  List<Violation> ofCompany(Caller caller, long companyId);

  /** The ban in force today on a subject, or {@link Standing#CLEAR}. */
  Standing standing(Caller caller, SubjectKind kind, long subjectId);

  /** The last day of the company's suspension from applying, or {@code null} when none. */
  LocalDate companySuspendedUntil(Caller caller, long companyId);

  /**
   * The violation types in effect at {@code port}: its own, and the defaults it does not redefine.
   */
  List<ViolationType> types(String port);

  /**
   * Defines or redefines a violation type for a port or for {@link ViolationType#ALL_PORTS}
   * (ADMIN); lines already banned keep their ban.
   */
  ViolationType defineType(Caller caller, ViolationType type);
}
