package org.portpass.application.internal.service;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.portpass.application.ApplicationForm;
import org.portpass.application.FormInput;
import org.portpass.application.FormLineInput;
import org.portpass.application.PassType;
import org.portpass.application.ReviewRule;
import org.portpass.application.SubjectKind;
import org.portpass.core.Caller;
import org.portpass.core.PortTime;
import org.portpass.core.Role;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.Company;
import org.portpass.registry.NewAttachment;
import org.portpass.registry.NewCompany;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.Person;
import org.portpass.registry.PersonData;
import org.portpass.registry.internal.service.AttachmentServiceImpl;
import org.portpass.registry.internal.service.CompanyServiceImpl;
import org.portpass.registry.internal.service.PersonServiceImpl;
import org.portpass.registry.internal.service.SubjectGuard;
import org.portpass.registry.internal.service.VehicleServiceImpl;
import org.portpass.testing.FixedPorts;
import org.portpass.testing.LocalJpaTemplate;
import org.portpass.testing.RecordingEventAdmin;
import org.portpass.testing.TestDatabase;

/**
 * The application services as the server wires them, on the registry's real services and one
 * in-memory database, on 1 March 2027 in Taipei: a verified company, its clerk, and helpers that
 * register a person with a photo and send a one-line form.
 */
final class ApplicationServices implements AutoCloseable {
  static final Caller ADMIN = Caller.system("test-admin");
  static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
  static final PortTime TIME =
      PortTime.of(Clock.fixed(Instant.parse("2027-03-01T02:00:00Z"), ZoneId.of("Asia/Taipei")));

  final TestDatabase db =
      TestDatabase.migrated("db/audit.xml", "db/registry.xml", "db/application.xml");
  private final LocalJpaTemplate registry = db.unit("portpass-registry");
  private final LocalJpaTemplate application = db.unit("portpass-application");
  final CompanyServiceImpl companies = new CompanyServiceImpl(registry, () -> "registry");
  final PersonServiceImpl persons =
      new PersonServiceImpl(registry, () -> "registry", new SubjectGuard());
  final AttachmentServiceImpl attachments =
      new AttachmentServiceImpl(registry, () -> "registry", attachmentConfig(5 * 1024 * 1024));
  final RuleRegistry rules = new RuleRegistry();
  final RecordingEventAdmin events = new RecordingEventAdmin();
  final ApplicationServiceImpl applications;
  final ReviewServiceImpl reviews;
  final SanctionServiceImpl sanctions;
  final Company company;
  final Caller clerk;
  private int people;

  /** With the limits given as configuration properties (the defaults otherwise). */
  ApplicationServices(Map<String, Object> limits) {
    VehicleServiceImpl vehicles =
        new VehicleServiceImpl(registry, () -> "registry", new SubjectGuard());
    Submissions submissions =
        new Submissions(companies, persons, vehicles, attachments, rules, TIME);
    applications =
        new ApplicationServiceImpl(
            application,
            () -> "application",
            submissions,
            new FixedPorts(),
            rules,
            TIME,
            new HashMap<>(limits));
    reviews = new ReviewServiceImpl(application, () -> "application", events, rules, TIME);
    sanctions =
        new SanctionServiceImpl(
            application,
            () -> "application",
            events,
            TIME,
            new FixedPorts(),
            persons,
            vehicles,
            new HashMap<>(limits));
    company =
        companies.create(
            ADMIN, new NewCompany("12345675", "Alpha", null, null, null, null, List.of()));
    companies.verify(ADMIN, company.id());
    clerk =
        new Caller("clerk", Set.of(Role.COMPANY_USER), company.id(), Set.of(), "127.0.0.1", "test");
  }

  ApplicationServices() {
    this(Map.of());
  }

  /** A port's rule that finds what {@code finding} answers for every line at submission. */
  void rule(String port, ReviewRule rule) {
    rules.addRule(rule, Map.of(ReviewRule.PORT, port));
  }

  /** A person of the company, with a photo on file (its id is the second value). */
  long[] personWithPhoto() {
    Person p = person();
    long photo =
        attachments
            .upload(
                clerk,
                OwnerKind.PERSON,
                p.id(),
                new NewAttachment(AttachmentType.PHOTO, "face.png", "image/png", null, png()))
            .id();
    return new long[] {p.id(), photo};
  }

  /** The smallest crew a temporary-pass form takes, each with a photo. */
  List<long[]> crew() {
    List<long[]> crew = new ArrayList<>();
    for (int i = 0; i < PassType.MIN_TEMPORARY_LINES; i++) {
      crew.add(personWithPhoto());
    }
    return crew;
  }

  Person person() {
    return persons.create(
        clerk,
        new PersonData(
            null,
            nationalId(++people),
            null,
            "王大同",
            "Wang",
            LocalDate.of(1980, 1, 1),
            "02-1234",
            company.id(),
            null));
  }

  /** A Taiwanese national ID A1nnnnnnnc with its check digit: A counts 1*1 + 0*9. */
  private static String nationalId(int serial) {
    String digits = "1" + String.format("%07d", serial);
    int sum = 1;
    for (int i = 0; i < 8; i++) {
      sum += (digits.charAt(i) - '0') * (8 - i);
    }
    return "A" + digits + (10 - sum % 10) % 10;
  }

  FormInput form(PassType type, Set<String> ports, List<FormLineInput> lines) {
    return new FormInput(type, ports, ports.iterator().next(), "repairs", List.of(), lines);
  }

  FormInput form(PassType type, Set<String> ports, FormLineInput line) {
    return form(type, ports, List.of(line));
  }

  static FormLineInput line(long[] personAndPhoto, LocalDate from, LocalDate to) {
    return new FormLineInput(
        SubjectKind.PERSON, personAndPhoto[0], from, to, List.of(personAndPhoto[1]));
  }

  static List<FormLineInput> lines(List<long[]> crew, LocalDate from, LocalDate to) {
    return crew.stream().map(p -> line(p, from, to)).toList();
  }

  /** Saves the form as a draft and sends it. */
  ApplicationForm submit(FormInput input) {
    ApplicationForm draft = applications.saveDraft(clerk, input);
    return applications.submit(clerk, draft.id(), "key-" + draft.id());
  }

  private static byte[] png() {
    BufferedImage image = new BufferedImage(40, 50, BufferedImage.TYPE_INT_RGB);
    image.setRGB(20, 25, 0xffffff);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static AttachmentServiceImpl.Config attachmentConfig(long maxBytes) {
    return new AttachmentServiceImpl.Config() {
      @Override
      public long maxBytes() {
        return maxBytes;
      }

      @Override
      public Class<? extends Annotation> annotationType() {
        return AttachmentServiceImpl.Config.class;
      }
    };
  }

  @Override
  public void close() {
    db.close();
  }
}
