package org.portpass.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.portpass.itest.Samples;

/**
 * The seed's whole flow through the screens only: a company clerk registers three persons and a
 * vehicle with their papers, drafts a two-port form, comes back and submits it; every port's
 * reviewer, police and supervisor decide on their queue screens, Keelung's police return one line,
 * the clerk fixes and resubmits it, it is approved; the Keelung card desk hands a card over; the
 * clerk sees the passes. The company part uses the company screens' page objects.
 */
class FlowWebIT extends BrowserTest {
  private static final LocalDate FROM = LocalDate.now(StaffData.TAIPEI).plusDays(1);
  private static final LocalDate TO = FROM.plusDays(119);

  @TempDir static Path files;

  private void as(String username) {
    if (!browser.all("#logout").isEmpty()) {
      new ShellPage(browser).logout();
    }
    LoginPage.open(browser).loginAs(username);
  }

  /** Approves, on the queue screen, every line of the form waiting there; expects that many. */
  private void approveAll(String port, String stage, String form, int expected) {
    as(port.toLowerCase() + "-" + (stage.equals("REVIEW") ? "reviewer" : stage.toLowerCase()));
    ReviewQueuePage queue = ReviewQueuePage.open(browser, port, stage).search(form);
    browser.waitForText("#queue-count", "顯示 " + expected + " /");
    browser.click("#select-all");
    String banner = queue.approveSelected();
    assertTrue(banner.contains("已決定 " + expected + " 筆"), port + " " + stage + ": " + banner);
  }

  @Test
  void aFormGoesFromTheClerkThroughBothPortsToTheCardDeskAndTheClerkSeesThePasses()
      throws IOException, InterruptedException {
    Path photo = files.resolve("photo.png");
    Files.write(photo, Samples.png());
    Path certificate = files.resolve("paper.pdf");
    Files.write(certificate, Samples.pdf());
    String suffix = Long.toString(System.nanoTime() % 100000);

    as("alpha-user");
    List<String> names = List.of("王大同" + suffix, "李小華" + suffix, "吳建國" + suffix);
    for (int i = 0; i < names.size(); i++) {
      PersonDetailPage person =
          PersonsPage.open(browser)
              .add()
              .nationalId(Samples.nationalId(), names.get(i), "Flow " + i)
              .save();
      person.upload("PHOTO", photo, null);
      person.upload("TRAINING_CERTIFICATE", certificate, TO.plusYears(1).toString());
    }
    String plate = "FW-" + (1000 + Integer.parseInt(suffix) % 9000);
    assertEquals(plate, VehiclesPage.open(browser).add(plate.toLowerCase(), "TRUCK"));
    new VehiclesPage(browser).upload("INSURANCE", certificate, TO.plusYears(1).toString());

    FormWizardPage wizard =
        FormWizardPage.start(browser).longTerm().accessPort("KEL").accessPort("KHH");
    wizard.pickupPort("KEL");
    wizard.next();
    for (String name : names) {
      wizard.pick("PERSON", name);
    }
    wizard.pick("VEHICLE", plate);
    wizard.next().awaitAttachments().applyToAll(FROM.toString(), TO.toString());
    wizard.saveDraft();
    long formId =
        Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*#/forms/(\\d+)/edit.*", "$1"));
    wizard = FormsPage.open(browser).continueDraft(formId);
    assertEquals(4, wizard.awaitAttachments().lines());
    wizard.next();
    String form = wizard.submit().number();
    assertTrue(form.startsWith("AF"), form);

    approveAll("KEL", "REVIEW", form, 4);
    approveAll("KHH", "REVIEW", form, 4);

    as("kel-police");
    ReviewQueuePage police = ReviewQueuePage.open(browser, "KEL", "POLICE").search(form);
    browser.waitForText("#queue-count", "顯示 4 /");
    long returned = police.lineOf(names.get(1));
    String reason = "訓練證明影本不清楚，請重新上傳";
    ReviewLinePage line = police.openLine(returned);
    assertTrue(line.snapshot().contains(names.get(1)), line.snapshot());
    browser.screenshot("flow-police-line");
    line.reject(reason);
    approveAll("KEL", "POLICE", form, 3);
    approveAll("KHH", "POLICE", form, 3); // the returned line's task here was withdrawn
    approveAll("KEL", "SUPERVISOR", form, 3);
    approveAll("KHH", "SUPERVISOR", form, 3);

    as("alpha-user");
    FormDetailPage detail = FormDetailPage.open(browser, formId);
    assertEquals(reason, detail.reason(returned));
    detail.fixAndResubmit(returned, TO.minusDays(10).toString());
    for (String stage : List.of("REVIEW", "POLICE", "SUPERVISOR")) {
      approveAll("KEL", stage, form, 1);
      approveAll("KHH", stage, form, 1);
    }

    // Keelung's simulated desk makes the four cards by itself; the operator hands one over
    as("kel-desk");
    String pass = StaffData.awaitPassOfSubject(names.get(0));
    DeskPage desk = DeskPage.open(browser);
    desk.openJobOf(pass).awaitReadyForPickup();
    assertTrue(desk.cardFaceWidth() > 100);
    assertTrue(desk.handOver(names.get(0)).startsWith(names.get(0)));
    browser.screenshot("flow-card-handed-over");

    as("alpha-user");
    String table = PassesPage.open(browser).table();
    assertTrue(table.contains(pass), table);
    for (String name : names) {
      assertTrue(table.contains(name), table);
    }
    assertTrue(table.contains(plate), table);
    browser.screenshot("flow-company-passes");
  }
}
