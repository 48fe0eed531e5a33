package org.portpass.registry;

import java.util.List;
import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/** Persons (人員), identified by their identity number. */
@ProviderType
public interface PersonService {
  Person create(Caller caller, PersonData person);

  Person get(Caller caller, long id);

  /**
   * The one person with this identity number (normalised first), e.g. {@code a123456789}.
   *
   * @throws org.portpass.core.NotFoundException also when passports of two nationalities share the
   *     number: {@link #search} lists every match, each with its nationality
   */
  Person getByIdentityNumber(Caller caller, String identityNumber);

  Page<Person> search(Caller caller, PersonQuery query, PageRequest page);

  Person update(Caller caller, long id, PersonData person);

  /**
   * Deletes the person and their attachments; refused while a {@link SubjectUsage} reports a use.
   */
  void delete(Caller caller, long id, long version);

  /**
   * Moves the person to another company (customer service or an administrator: the receiving
   * company is not asked). Data and attachments stay with the person; the employment history
   * records the move.
   */
  Person transfer(Caller caller, long id, long toCompanyId, long version);

  List<Employment> employmentHistory(Caller caller, long id);
}
