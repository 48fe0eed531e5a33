package org.portpass.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portpass.itest.Api;
import org.portpass.itest.Samples;

/** The port staff, card desk and customer service screens in a real browser. */
class StaffWebIT extends BrowserTest {

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 6);
  }

  @Test
  void aReviewerOpensALineSeesItAsSubmittedNeedsAReasonToRejectAndDecidesManyAtOnce() {
    String tag = unique("審");
    List<StaffData.Line> lines = StaffData.submitPersons(tag + "甲", tag + "乙", tag + "丙");
    LoginPage.open(browser).loginAs("kel-reviewer");
    browser.go("/reviews");
    ReviewQueuePage queue = new ReviewQueuePage(browser); // one queue: straight to it
    String port = browser.find("main .caption").getText();
    assertTrue(List.of("基隆港", "KEL").contains(port), port); // the code until GET /ports answers
    queue.search(tag);
    browser.waitForText("#queue-count", "顯示 3 /");
    assertEquals(lines.stream().map(StaffData.Line::id).toList(), queue.lineIds());
    browser.assertAccessible("review queue");
    browser.screenshot("staff-review-queue");

    ReviewLinePage line = queue.openLine(lines.get(0).id());
    assertTrue(line.subject().contains(lines.get(0).identityNumber()), line.subject());
    assertTrue(line.snapshot().contains(lines.get(0).identityNumber()), line.snapshot());
    assertEquals("img", line.previewFirstAttachment());
    browser.assertAccessible("review line");
    String problem = line.rejectFails(null);
    assertTrue(line.fieldError("reason").contains("錯誤"), line.fieldError("reason"));
    assertFalse(problem.isBlank());
    browser.assertAccessible("review line with an error");
    browser.screenshot("staff-review-line-error");
    ReviewQueuePage after = line.reject("照片模糊，請重新上傳 / photo blurred");

    after.search(tag);
    browser.waitForText("#queue-count", "顯示 2 /");
    lines.subList(1, 3).forEach(l -> after.select(l.id()));
    String banner = after.approveSelected();
    assertTrue(banner.contains("已決定 2 筆"), banner);
    after.search(tag);
    browser.waitForText("#queue-count", "顯示 0 /");

    String history =
        new String(
            WebServer.api("alpha-user")
                .get("/lines/" + lines.get(0).id() + "/history")
                .expect(200)
                .bytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(history.contains("REJECT") && history.contains("照片模糊"), history);
    new ShellPage(browser).logout().loginAs("kel-police");
    ReviewQueuePage police = ReviewQueuePage.open(browser, "KEL", "POLICE");
    police.search(tag);
    browser.waitForText("#queue-count", "顯示 2 /");
    assertEquals(lines.subList(1, 3).stream().map(StaffData.Line::id).toList(), police.lineIds());
  }

  @Test
  void thePoliceSeizeAPassTheReviewerSeesAViolationAndTheCompanyRevokesAPass()
      throws InterruptedException {
    String tag = unique("扣");
    List<StaffData.Line> lines = StaffData.submitPersons(tag + "甲", tag + "乙", tag + "丙");
    StaffData.approveEverywhere(lines.get(0).id());
    StaffData.approveEverywhere(lines.get(2).id());
    String seized = StaffData.awaitPass(lines.get(0).id());
    String revoked = StaffData.awaitPass(lines.get(2).id());

    LoginPage.open(browser).loginAs("kel-police");
    browser.go("/violations/new");
    browser.click("#violation-save"); // no type, no pass: each problem beside its field
    assertTrue(browser.find("#type-error").getText().contains("錯誤"));
    assertTrue(browser.find("#seizedPass-error").getText().contains("通行證號碼"));
    browser.assertAccessible("violation with errors");
    browser.waitFor("#type option[value=LENDING]"); // the port's types, as the server has them
    new org.openqa.selenium.support.ui.Select(browser.find("#type")).selectByValue("LENDING");
    browser.type("#seizedPass", seized);
    browser.type("#note", "借給他人使用 / lent to another driver");
    browser.click("#violation-save");
    browser.waitForText("#violation-recorded", "管制至");
    assertTrue(browser.find("#violation-recorded").getText().contains(seized));
    browser.assertAccessible("violation recorded");
    browser.screenshot("staff-violation-recorded");
    Api admin = WebServer.api("admin");
    assertEquals(
        "SEIZED", admin.get("/passes/" + seized).expect(200).json().path("status").asText());

    // a violation while a line is in review: the reviewer sees it, with its ban, on the line
    long person =
        admin
            .get("/persons?identityNumber=" + lines.get(1).identityNumber())
            .expect(200)
            .json()
            .path("items")
            .path(0)
            .path("id")
            .asLong();
    admin
        .post(
            "/violations",
            java.util.Map.of(
                "subjectKind", "PERSON",
                "subjectId", person,
                "type", "OVERSTAY",
                "occurredOn", java.time.LocalDate.now(StaffData.TAIPEI).toString(),
                "port", "KEL"))
        .expect(201);
    new ShellPage(browser).logout().loginAs("kel-reviewer");
    ReviewQueuePage queue = ReviewQueuePage.open(browser, "KEL", "REVIEW");
    queue.search(tag);
    browser.waitForText("#queue-count", "顯示 1 /");
    queue.openLine(lines.get(1).id());
    browser.waitForText("#violations", "管制至");
    assertTrue(browser.find("#violations").getText().contains("逾越通行區域或時間"));
    browser.assertAccessible("review line with violations");
    browser.screenshot("staff-review-line-violations");

    // the company revokes (註銷) a pass of its own: the person left
    new ShellPage(browser).logout().loginAs("alpha-user");
    browser.go("/passes");
    browser.click("#revoke-" + revoked);
    browser.click("#revoke-confirm"); // no reason
    assertTrue(browser.find("#revoke-reason-error").getText().length() > 0);
    browser.type("#revoke-reason", "已離職 / left the company");
    browser.screenshot("company-pass-revoke");
    browser.click("#revoke-confirm");
    browser.waitForText(".banner", revoked);
    assertEquals(
        "REVOKED", admin.get("/passes/" + revoked).expect(200).json().path("status").asText());
    assertTrue(browser.all("#revoke-" + revoked).isEmpty());
  }

  @Test
  void theCardDeskShowsTheCardHandsItOverAndReportsItLost() throws InterruptedException {
    String name = unique("證");
    StaffData.Line line = StaffData.submitPersons(name).get(0);
    StaffData.approveEverywhere(line.id());
    String pass = StaffData.awaitPass(line.id());

    LoginPage.open(browser).loginAs("kel-desk");
    DeskPage desk = DeskPage.open(browser);
    browser.assertAccessible("card desk jobs");
    browser.screenshot("staff-desk-jobs");
    desk.openJobOf(pass).awaitReadyForPickup();
    assertTrue(desk.cardFaceWidth() > 100);
    assertTrue(desk.attempts().contains("列印"), desk.attempts());
    browser.assertAccessible("card job");
    browser.screenshot("staff-desk-job");
    String problem = desk.handOverFails();
    assertTrue(browser.find("#collectedBy-error").getText().contains("錯誤"), problem);
    assertTrue(desk.handOver(name).startsWith(name));
    assertEquals(
        name,
        WebServer.api("admin")
            .get("/passes/" + pass)
            .expect(200)
            .json()
            .path("collectedBy")
            .asText());
    String lost = desk.reportLost("持有人遺失 / lost by the holder");
    assertTrue(lost.contains("補發"), lost);
    assertTrue(desk.cards().contains("作廢"), desk.cards());
  }

  @Test
  void customerServiceCreatesAndVerifiesACompanyManagesAnAccountAndSearchesTheAuditTrail() {
    LoginPage.open(browser).loginAs("service");
    CompaniesPage companies = CompaniesPage.open(browser);
    browser.assertAccessible("companies");
    String refused = companies.create("1234", "測試");
    assertTrue(browser.find("#taxId-error").isDisplayed(), refused);
    browser.assertAccessible("new company with an error");
    browser.screenshot("staff-company-new-error");
    String taxId = Samples.taxId();
    String name = unique("試驗公司");
    browser.type("#taxId", taxId);
    browser.type("#name", name);
    browser.click("#company-save");
    assertTrue(browser.find(".banner").getText().contains(name));
    companies = new CompaniesPage(browser).search(taxId);
    assertEquals("待審核", companies.status(taxId));
    assertTrue(companies.verify(taxId).contains("審核通過"));
    assertEquals("已審核", companies.status(taxId));
    browser.screenshot("staff-companies");

    String username = unique("clerk-");
    AccountsPage accounts = AccountsPage.open(browser);
    browser.assertAccessible("accounts");
    browser.click("#add-account");
    browser.waitFor("#account-save");
    browser.type("#username", username);
    browser.type("#password", "a-long-enough-password");
    browser.click("#roles-0"); // company user
    browser.find("#companyId");
    new org.openqa.selenium.support.ui.Select(browser.find("#companyId"))
        .selectByVisibleText(name + " (" + taxId + ")");
    browser.assertAccessible("new account");
    browser.click("#account-save");
    assertTrue(browser.find(".banner").getText().contains(username));
    accounts = new AccountsPage(browser).openAccount(username);
    assertTrue(accounts.disable().contains(username));
    assertEquals(
        "DISABLED",
        WebServer.api("admin")
            .get("/accounts?q=" + username)
            .expect(200)
            .json()
            .path("items")
            .path(0)
            .path("status")
            .asText());

    AuditPage audit = AuditPage.open(browser);
    String events = audit.search("service", "company.verify");
    assertTrue(events.contains("company.verify"), events);
    browser.assertAccessible("audit trail");
    browser.screenshot("staff-audit");
  }
}
