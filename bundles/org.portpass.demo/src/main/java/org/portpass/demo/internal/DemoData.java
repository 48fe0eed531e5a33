package org.portpass.demo.internal;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.portpass.application.ApplicationForm;
import org.portpass.application.ApplicationService;
import org.portpass.application.Decision;
import org.portpass.application.FormInput;
import org.portpass.application.FormLineInput;
import org.portpass.application.PassService;
import org.portpass.application.PassType;
import org.portpass.application.ReviewService;
import org.portpass.application.Stage;
import org.portpass.application.SubjectKind;
import org.portpass.auth.AccountService;
import org.portpass.auth.NewAccount;
import org.portpass.card.CardService;
import org.portpass.core.Caller;
import org.portpass.core.ConflictException;
import org.portpass.core.NotFoundException;
import org.portpass.core.Role;
import org.portpass.registry.AttachmentService;
import org.portpass.registry.AttachmentType;
import org.portpass.registry.Company;
import org.portpass.registry.CompanyService;
import org.portpass.registry.Contact;
import org.portpass.registry.IdentityKind;
import org.portpass.registry.NewAttachment;
import org.portpass.registry.NewCompany;
import org.portpass.registry.OwnerKind;
import org.portpass.registry.Person;
import org.portpass.registry.PersonData;
import org.portpass.registry.PersonService;
import org.portpass.registry.Vehicle;
import org.portpass.registry.VehicleData;
import org.portpass.registry.VehicleService;
import org.portpass.registry.VehicleType;
import org.portpass.storage.SchemaReady;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small, realistic data set a newcomer can explore: two verified companies with persons and
 * vehicles, and one company waiting for customer service. Loaded once; a restart finds it there and
 * changes nothing.
 */
@Component(
    immediate = true,
    service = {})
public class DemoData {
  static final String ALPHA_TAX_ID = "12345675";
  static final String BETA_TAX_ID = "22099131";
  static final String GAMMA_TAX_ID = "04595257";

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  private Thread pickup;
  private static final Caller DEMO = Caller.system("demo-loader");
  static final String PASSWORD = "portpass-demo";

  /** Demo data in place: the health check waits for it where the demo runs (see feature). */
  private final ServiceRegistration<SchemaReady> ready;

  @Activate
  public DemoData(
      @Reference CompanyService companies,
      @Reference PersonService persons,
      @Reference VehicleService vehicles,
      @Reference AttachmentService attachments,
      @Reference AccountService accounts,
      @Reference ApplicationService applications,
      @Reference ReviewService reviews,
      @Reference PassService passes,
      @Reference CardService cards,
      BundleContext context) {
    if (exists(companies)) {
      LOG.info("Demo data already present");
    } else {
      load(
          companies,
          persons,
          vehicles,
          attachments,
          accounts,
          applications,
          reviews,
          passes,
          cards);
    }
    ready =
        context.registerService(
            SchemaReady.class, () -> "demo", new Hashtable<>(Map.of(SchemaReady.UNIT, "demo")));
  }

  private void load(
      CompanyService companies,
      PersonService persons,
      VehicleService vehicles,
      AttachmentService attachments,
      AccountService accounts,
      ApplicationService applications,
      ReviewService reviews,
      PassService passes,
      CardService cards) {
    Company alpha =
        verified(
            companies,
            new NewCompany(
                ALPHA_TAX_ID,
                "阿爾法物流股份有限公司",
                "Alpha Logistics Co., Ltd.",
                "基隆市中正區中正路1號",
                "02-2422-0001",
                "倉儲物流",
                List.of(new Contact("王小明", "行政經理", "02-2422-0002", "ops@alpha.example"))));
    Company beta =
        verified(
            companies,
            new NewCompany(
                BETA_TAX_ID,
                "貝塔海事工程有限公司",
                "Beta Marine Engineering Ltd.",
                "高雄市鼓山區蓬萊路2號",
                "07-521-0001",
                "船舶修造",
                List.of(new Contact("陳美玲", "總務", "07-521-0002", "admin@beta.example"))));
    companies.create(
        DEMO,
        new NewCompany(
            GAMMA_TAX_ID,
            "伽瑪報關行",
            "Gamma Customs Brokers",
            "臺中市梧棲區",
            "04-2656-0001",
            "報關",
            List.of()));

    Person wang = person(persons, alpha, null, "A112345604", null, "王大同", "Wang Da-tong", 1980);
    Person lin = person(persons, alpha, null, "A112345613", null, "林志明", "Lin Chih-ming", 1975);
    Person nguyen = person(persons, alpha, null, "A810000008", null, "阮文山", "Nguyen Van Son", 1990);
    person(persons, beta, null, "F223456786", null, "張雅婷", "Chang Ya-ting", 1988);
    person(persons, beta, IdentityKind.PASSPORT, "P12345678", "PHL", null, "Maria Santos", 1985);
    Person lee = person(persons, alpha, null, "A223456781", null, "李美華", "Lee Mei-hua", 1992);
    for (Person p : List.of(wang, lin, nguyen, lee)) {
      papers(attachments, p);
    }

    Vehicle truck =
        vehicles.create(
            DEMO,
            new VehicleData("KLA-1234", VehicleType.TRUCK, "Hino", "white", alpha.id(), null));
    Vehicle van =
        vehicles.create(
            DEMO,
            new VehicleData("ABC-5678", VehicleType.VAN, "Toyota", "silver", alpha.id(), null));
    vehicles.create(
        DEMO, new VehicleData("KHH-0088", VehicleType.TRACTOR, "Volvo", "blue", beta.id(), null));
    accounts(accounts, alpha, beta);
    long collected =
        forms(
            applications,
            reviews,
            attachments,
            alpha,
            List.of(wang, lin, nguyen, lee),
            List.of(truck, van));
    pickup = new Thread(() -> collectWhenMade(passes, cards, collected), "demo-card-pickup");
    pickup.setDaemon(true);
    pickup.start();
    LOG.info("Demo data loaded: 3 companies, 6 persons, 3 vehicles, 14 accounts, 7 forms");
  }

  @Deactivate
  void deactivate() {
    ready.unregister();
    if (pickup != null) {
      pickup.interrupt();
    }
  }

  /**
   * Lee's card is made by the simulated Keelung desk moments after start; the demo then hands it
   * over, so the demo shows a collected pass too.
   */
  private static void collectWhenMade(PassService passes, CardService cards, long line) {
    try {
      for (int i = 0; i < 120; i++) {
        Thread.sleep(1000);
        var pass =
            passes.awaitingCard(DEMO, "KEL", 100).stream()
                .filter(p -> p.lineId() == line)
                .findFirst();
        if (pass.isEmpty()) {
          continue;
        }
        try {
          cards.pickUp(DEMO, pass.get().number(), "李美華 (Lee Mei-hua)");
          LOG.info("Demo card of pass {} handed over", pass.get().number());
          return;
        } catch (ConflictException notMadeYet) {
          // the desk has not finished the card yet
        }
      }
      LOG.warn("The demo card was not made within two minutes; is the KEL demo desk running?");
    } catch (InterruptedException stopped) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warn("The demo card could not be handed over", e);
    }
  }

  /**
   * Company A's forms, one line in each state of the flow: a draft, lines at review and police, two
   * approved by the supervisors (their cards are made by the demo desk; one is then collected), one
   * returned and one cancelled. Returns the line whose card is to be collected.
   */
  private static long forms(
      ApplicationService applications,
      ReviewService reviews,
      AttachmentService attachments,
      Company alpha,
      List<Person> people,
      List<Vehicle> cars) {
    Caller clerk =
        new Caller("alpha-user", Set.of(Role.COMPANY_USER), alpha.id(), Set.of(), "local", null);
    applications.saveDraft(clerk, form(line(attachments, SubjectKind.PERSON, people.get(1).id())));
    submit(
        applications,
        clerk,
        line(attachments, SubjectKind.PERSON, people.get(0).id())); // stays at REVIEW
    long atPolice =
        submit(applications, clerk, line(attachments, SubjectKind.PERSON, people.get(2).id()));
    long inProduction =
        submit(applications, clerk, line(attachments, SubjectKind.VEHICLE, cars.get(0).id()));
    long returned =
        submit(applications, clerk, line(attachments, SubjectKind.VEHICLE, cars.get(1).id()));
    approve(reviews, atPolice, Stage.REVIEW);
    for (Stage stage : Stage.values()) {
      approve(reviews, inProduction, stage);
    }
    approve(reviews, returned, Stage.REVIEW);
    reviews.decide(
        DEMO,
        returned,
        "KEL",
        Stage.POLICE,
        Decision.REJECT,
        "行照影本不清楚 / registration copy unreadable",
        0);
    long cancelled =
        submit(applications, clerk, line(attachments, SubjectKind.PERSON, people.get(1).id()));
    applications.cancelLine(clerk, cancelled);
    long collected =
        submit(applications, clerk, line(attachments, SubjectKind.PERSON, people.get(3).id()));
    for (Stage stage : Stage.values()) {
      approve(reviews, collected, stage);
    }
    return collected;
  }

  private static void approve(ReviewService reviews, long line, Stage stage) {
    reviews.decide(DEMO, line, "KEL", stage, Decision.APPROVE, null, 0);
  }

  /** Submits a one-line long-term form for Keelung and returns the line's id. */
  private static long submit(ApplicationService applications, Caller clerk, FormLineInput line) {
    ApplicationForm draft = applications.saveDraft(clerk, form(line));
    return applications.submit(clerk, draft.id(), "demo-" + draft.id()).lines().get(0).id();
  }

  private static FormInput form(FormLineInput line) {
    return new FormInput(
        PassType.LONG_TERM,
        Set.of("KEL"),
        "KEL",
        "碼頭作業 / quay operations",
        List.of(),
        List.of(line));
  }

  private static FormLineInput line(AttachmentService attachments, SubjectKind kind, long subject) {
    OwnerKind owner = kind == SubjectKind.PERSON ? OwnerKind.PERSON : OwnerKind.VEHICLE;
    List<Long> ticked = attachments.list(DEMO, owner, subject).stream().map(a -> a.id()).toList();
    LocalDate from = LocalDate.now().plusDays(1);
    return new FormLineInput(kind, subject, from, from.plusDays(179), ticked);
  }

  /** A photo for the card and Keelung's port-safety training certificate. */
  private static void papers(AttachmentService attachments, Person person) {
    attachments.upload(
        DEMO,
        OwnerKind.PERSON,
        person.id(),
        new NewAttachment(AttachmentType.PHOTO, "photo.png", "image/png", null, photo()));
    attachments.upload(
        DEMO,
        OwnerKind.PERSON,
        person.id(),
        new NewAttachment(
            AttachmentType.TRAINING_CERTIFICATE,
            "port-safety-training.pdf",
            "application/pdf",
            LocalDate.now().plusYears(2),
            certificate(person)));
  }

  /** A small but complete PDF (catalog, page tree, cross-reference table): it parses. */
  private static byte[] certificate(Person person) {
    String comment = "% port-safety training certificate of " + person.identityNumber() + "\n";
    String head = "%PDF-1.4\n" + comment;
    String catalog = "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n";
    String pages = "2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n";
    String xref =
        "xref\n0 3\n0000000000 65535 f \n"
            + String.format("%010d 00000 n \n", head.length())
            + String.format("%010d 00000 n \n", head.length() + catalog.length());
    String trailer =
        "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n"
            + (head.length() + catalog.length() + pages.length())
            + "\n%%EOF\n";
    return (head + catalog + pages + xref + trailer)
        .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }

  /** The demo accounts of the README, all with the password {@value #PASSWORD}. */
  private static void accounts(AccountService accounts, Company alpha, Company beta) {
    account(accounts, "admin", Set.of(Role.ADMIN), null, Set.of());
    account(accounts, "service", Set.of(Role.CUSTOMER_SERVICE), null, Set.of());
    account(accounts, "alpha-admin", Set.of(Role.COMPANY_ADMIN), alpha.id(), Set.of());
    account(accounts, "alpha-user", Set.of(Role.COMPANY_USER), alpha.id(), Set.of());
    account(accounts, "beta-admin", Set.of(Role.COMPANY_ADMIN), beta.id(), Set.of());
    account(accounts, "beta-user", Set.of(Role.COMPANY_USER), beta.id(), Set.of());
    for (String port : List.of("KEL", "KHH")) {
      String prefix = port.toLowerCase() + "-";
      account(accounts, prefix + "reviewer", Set.of(Role.REVIEWER), null, Set.of(port));
      account(accounts, prefix + "police", Set.of(Role.POLICE), null, Set.of(port));
      account(accounts, prefix + "supervisor", Set.of(Role.SUPERVISOR), null, Set.of(port));
      account(accounts, prefix + "desk", Set.of(Role.CARD_DESK), null, Set.of(port));
    }
  }

  private static void account(
      AccountService accounts, String username, Set<Role> roles, Long company, Set<String> ports) {
    accounts.create(
        DEMO,
        new NewAccount(username, PASSWORD, username, null, "02-0000-0000", roles, company, ports));
  }

  private static boolean exists(CompanyService companies) {
    try {
      companies.getByTaxId(DEMO, ALPHA_TAX_ID);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  private static Company verified(CompanyService companies, NewCompany company) {
    return companies.verify(DEMO, companies.create(DEMO, company).id());
  }

  private static Person person(
      PersonService persons,
      Company company,
      IdentityKind kind,
      String number,
      String nationality,
      String nameZh,
      String nameEn,
      int birthYear) {
    return persons.create(
        DEMO,
        new PersonData(
            kind,
            number,
            nationality,
            nameZh,
            nameEn,
            LocalDate.of(birthYear, 5, 1),
            "0912-345-678",
            company.id(),
            null));
  }

  /** A plain passport-style placeholder photo, drawn rather than shipped as a binary file. */
  private static byte[] photo() {
    BufferedImage image = new BufferedImage(120, 160, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xE8EEF4));
    g.fillRect(0, 0, 120, 160);
    g.setColor(new Color(0x5A6B7D));
    g.fillOval(35, 30, 50, 60);
    g.fillRoundRect(20, 100, 80, 60, 40, 40);
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
