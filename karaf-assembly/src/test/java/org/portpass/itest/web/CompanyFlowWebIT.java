package org.portpass.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.portpass.itest.Api;
import org.portpass.itest.Samples;

/**
 * A company clerk's day in a real browser: registers persons with photos and a vehicle, builds a
 * two-port form, saves it as a draft, comes back to it, submits; sees a line returned by one port's
 * police with the reason, fixes and resubmits it; finally sees the passes.
 */
class CompanyFlowWebIT extends BrowserTest {
  private static final LocalDate FROM = LocalDate.now().plusDays(1);
  private static final LocalDate TO = FROM.plusDays(89);

  @TempDir static Path files;

  private static Path file(String name, byte[] bytes) throws IOException {
    Path path = files.resolve(name);
    Files.write(path, bytes);
    return path;
  }

  @Test
  void aClerkRegistersPersonsAndAVehicleSubmitsATwoPortFormFixesAReturnedLineAndSeesThePasses()
      throws Exception {
    Path photo = file("photo.png", Samples.png());
    Path certificate = file("training.pdf", Samples.pdf());
    String suffix = Long.toString(System.nanoTime() % 100000);
    LoginPage.open(browser).loginAs("alpha-user");

    // three persons, each with a photo and Keelung's training certificate
    List<String> names = List.of("林美玲" + suffix, "陳志明" + suffix, "張雅婷" + suffix);
    for (int i = 0; i < names.size(); i++) {
      PersonEditPage edit = PersonsPage.open(browser).add();
      assertTrue(edit.company().contains("阿爾法物流"), edit.company());
      PersonDetailPage person =
          edit.nationalId(Samples.nationalId(), names.get(i), "Person " + i).save();
      assertEquals(names.get(i) + " Person " + i, person.name());
      person.upload("PHOTO", photo, null);
      person.upload("TRAINING_CERTIFICATE", certificate, TO.plusYears(1).toString());
      if (i == 0) {
        assertTrue(person.previewFirst(), "the photo preview shows the image");
        browser.screenshot("person-detail");
        browser.assertAccessible("person detail");
      }
    }
    assertEquals(
        List.of(names.get(1) + " Person 1"), PersonsPage.open(browser).search(names.get(1)));
    browser.assertAccessible("persons");

    // a vehicle with Kaohsiung's insurance
    String plate = "KW-" + (1000 + Integer.parseInt(suffix) % 9000);
    assertEquals(plate, VehiclesPage.open(browser).add(plate.toLowerCase(), "TRUCK"));
    new VehiclesPage(browser).upload("INSURANCE", certificate, TO.plusYears(1).toString());

    // the wizard: two ports, three persons and the vehicle, dates for all at once
    FormWizardPage wizard =
        FormWizardPage.start(browser).longTerm().accessPort("KEL").accessPort("KHH");
    wizard.pickupPort("KEL");
    String requirements = wizard.requirements();
    assertTrue(requirements.contains("基隆"), requirements);
    browser.assertAccessible("wizard basics");
    wizard.next();
    for (String name : names) {
      wizard.pick("PERSON", name);
    }
    wizard.pick("VEHICLE", plate);
    assertEquals("已選 3 位人員、1 輛車", wizard.selectedCount());
    browser.assertAccessible("wizard subjects");
    wizard.next().awaitAttachments().applyToAll(FROM.toString(), TO.toString());
    assertEquals(4, wizard.lines());
    assertEquals(TO.toString(), wizard.lineDate(3, "validTo"));
    browser.screenshot("wizard-lines");
    browser.assertAccessible("wizard lines");
    wizard.saveDraft();
    long formId =
        Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*#/forms/(\\d+)/edit.*", "$1"));

    // come back later through the draft box
    FormsPage forms = FormsPage.open(browser);
    assertTrue(forms.hasDraft(formId));
    browser.assertAccessible("forms");
    wizard = forms.continueDraft(formId);
    assertEquals(4, wizard.awaitAttachments().lines());
    assertEquals(FROM.toString(), wizard.lineDate(0, "validFrom"));
    wizard.next();
    browser.screenshot("wizard-check");
    browser.assertAccessible("check your answers");
    FormDetailPage detail = wizard.submit();
    assertTrue(detail.number().startsWith("AF"), detail.number());
    browser.assertAccessible("form detail");

    // Kaohsiung's police return the first person's line; everything else goes on
    JsonNode form = WebServer.api("alpha-user").get("/forms/" + formId).json();
    List<Long> lines = new ArrayList<>();
    form.path("lines").forEach(l -> lines.add(l.path("id").asLong()));
    long returned = lines.get(0);
    Reviews.decide("KEL", "REVIEW", formId, Set.of(), null);
    Reviews.decide("KHH", "REVIEW", formId, Set.of(), null);
    Reviews.decide("KEL", "POLICE", formId, Set.of(), null);
    Reviews.decide("KHH", "POLICE", formId, Set.of(returned), "照片不清楚，請換一張近照");

    detail = FormDetailPage.open(browser, formId);
    assertTrue(detail.line(returned).contains("退件"), detail.line(returned));
    assertEquals("照片不清楚，請換一張近照", detail.reason(returned));
    browser.screenshot("form-returned");
    detail.fixAndResubmit(returned, TO.minusDays(10).toString());
    // the line re-renders after the edit closes: wait for its new state, then read it once
    browser.waitForText("#line-" + returned, "審查中");
    String resubmitted = detail.line(returned);
    assertTrue(resubmitted.contains("審查中"), resubmitted);

    // the resubmitted line goes through again; all lines reach the card desk at Keelung
    Reviews.approveAll(formId, "KEL", "KHH");
    Api company = WebServer.api("alpha-user");
    new WebDriverWait(browser.driver, Duration.ofSeconds(120))
        .pollingEvery(Duration.ofSeconds(2))
        .until(
            d -> {
              JsonNode now = company.get("/forms/" + formId).json();
              int ready = 0;
              for (JsonNode l : now.path("lines")) {
                ready += "READY".equals(l.path("status").asText()) ? 1 : 0;
              }
              return ready == 4;
            });
    JsonNode ready = company.get("/forms/" + formId).json();
    String firstPass = ready.path("lines").get(1).path("passNumber").asText();
    WebServer.api("kel-desk")
        .post("/passes/" + firstPass + "/pickup", Map.of("collectedBy", names.get(1)))
        .expect(200);

    detail = FormDetailPage.open(browser, formId);
    assertTrue(detail.line(lines.get(1)).contains(firstPass), detail.line(lines.get(1)));
    PassesPage passes = PassesPage.open(browser);
    String table = passes.table();
    assertTrue(table.contains(firstPass), table);
    assertTrue(table.contains(plate), table);
    browser.screenshot("passes");
    browser.assertAccessible("passes");
  }

  /** A clerk on a phone: every company screen fits its width (nothing scrolls sideways). */
  @Test
  void everyCompanyScreenFitsAPhone() {
    browser.close();
    browser = Browser.open(390, 844);
    LoginPage.open(browser);
    assertFitsTheWidth("login");
    new LoginPage(browser).loginAs("alpha-user");
    for (String screen :
        List.of("forms", "forms/new", "passes", "persons", "vehicles", "company")) {
      browser.go("/" + screen);
      browser.waitFor("main h1");
      new WebDriverWait(browser.driver, Browser.WAIT)
          .until(d -> !browser.find("main").getText().contains("載入中"));
      assertFitsTheWidth(screen);
      browser.screenshot("phone-" + screen.replace('/', '-'));
    }
  }

  private void assertFitsTheWidth(String screen) {
    Object overflow =
        browser.script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
    assertEquals(0L, ((Number) overflow).longValue(), screen + " scrolls sideways on a phone");
  }

  @Test
  void aPersonNamedLikeHtmlIsShownAsTextAndNoScriptRuns() {
    LoginPage.open(browser).loginAs("alpha-user");
    String name = "<img src=x onerror=alert(1)>";
    PersonDetailPage person =
        PersonsPage.open(browser)
            .add()
            .nationalId(Samples.nationalId(), name, "<b>bold</b>")
            .save();
    assertEquals(name + " <b>bold</b>", person.name());
    assertNoDialog();
    PersonsPage persons = PersonsPage.open(browser);
    assertTrue(persons.search("onerror").contains(name + " <b>bold</b>"));
    assertEquals(
        0L,
        browser.script("return document.querySelectorAll('main img[src=\"x\"], main b').length"));
    assertNoDialog();
  }

  @Test
  void validationProblemsAreShownBesideTheFieldAndInTheSummaryAndNothingTypedIsLost() {
    LoginPage.open(browser).loginAs("alpha-user");
    PersonEditPage edit = PersonsPage.open(browser).add().nationalId("A123456788", "王大明", "Wang");
    String summary = edit.saveFails();
    assertFalse(summary.isBlank());
    assertTrue(
        edit.fieldError("identityNumber").startsWith("錯誤："), edit.fieldError("identityNumber"));
    assertEquals("王大明", browser.find("#nameZh").getAttribute("value"));
    browser.find(".error-summary a").click();
    assertEquals(
        "identityNumber", String.valueOf(browser.script("return document.activeElement.id")));
    browser.assertAccessible("person with errors");
  }

  @Test
  void aFormsProblemsAreShownBesideTheirLineAndFieldAndTheSummaryLinksToThem() {
    LoginPage.open(browser).loginAs("alpha-user");
    FormWizardPage wizard = FormWizardPage.start(browser).temporary().accessPort("KEL").next();
    wizard.pick("PERSON", "A112345604");
    wizard
        .next()
        .awaitAttachments()
        .lineDate(0, "validTo", LocalDate.now().minusDays(3).toString());
    wizard.next();
    String problems = wizard.submitFails();
    assertTrue(problems.contains("第 1 筆"), problems);
    assertFalse(browser.all(".error-summary a").isEmpty());
    browser.screenshot("wizard-problems");
    browser.assertAccessible("wizard with problems");
    // the link to the line's problem opens its step and puts the focus there; the dates are kept
    int last = browser.all(".error-summary a").size() - 1;
    for (int i = 0; i <= last; i++) {
      if (browser.all(".error-summary a").get(i).getText().contains("第 1 筆")) {
        wizard.followProblem(i);
        break;
      }
    }
    new WebDriverWait(browser.driver, Duration.ofSeconds(10))
        .until(d -> wizard.focusedId().startsWith("lines-0"));
    assertEquals(LocalDate.now().minusDays(3).toString(), wizard.lineDate(0, "validTo"));
  }

  private void assertNoDialog() {
    try {
      browser.driver.switchTo().alert();
      throw new AssertionError("a dialog opened: the name ran as HTML");
    } catch (NoAlertPresentException expected) {
      // the name stayed text
    }
  }
}
