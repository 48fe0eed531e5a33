package org.portpass.card.internal.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.portpass.core.Caller;
import org.portpass.core.NotFoundException;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;
import org.portpass.registry.Employment;
import org.portpass.registry.IdentityKind;
import org.portpass.registry.Person;
import org.portpass.registry.PersonData;
import org.portpass.registry.PersonQuery;
import org.portpass.registry.PersonService;

/** The registry with the one holder the passes of these tests belong to: read-only. */
final class OnePerson implements PersonService {
  static final Person HOLDER =
      new Person(
          FakePasses.PERSON_ID,
          IdentityKind.NATIONAL_ID,
          "A123456789",
          "TW",
          "王小明",
          "WANG HSIAO-MING",
          LocalDate.of(1990, 1, 1),
          null,
          1L,
          "12345675",
          "阿爾法物流",
          0,
          Instant.now(),
          Instant.now());

  @Override
  public Person get(Caller caller, long id) {
    if (id != HOLDER.id()) {
      throw new NotFoundException("person", id);
    }
    return HOLDER;
  }

  @Override
  public Person create(Caller caller, PersonData person) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public Person getByIdentityNumber(Caller caller, String identityNumber) {
    throw new UnsupportedOperationException("not used by card production");
  }

  @Override
  public Page<Person> search(Caller caller, PersonQuery query, PageRequest page) {
    throw new UnsupportedOperationException("not used by card production");
  }

  @Override
  public Person update(Caller caller, long id, PersonData person) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public void delete(Caller caller, long id, long version) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public Person transfer(Caller caller, long id, long toCompanyId, long version) {
    throw new UnsupportedOperationException("read-only");
  }

  @Override
  public List<Employment> employmentHistory(Caller caller, long id) {
    throw new UnsupportedOperationException("not used by card production");
  }
}
