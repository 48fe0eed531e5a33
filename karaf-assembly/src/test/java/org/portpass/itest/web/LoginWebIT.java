package org.portpass.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Logging in and out in a real browser against the real server. */
class LoginWebIT extends BrowserTest {

  @Test
  void aCompanyUserLogsInSeesTheCompanyMenuAndLogsOutLeavingNothingBehind() {
    LoginPage login = LoginPage.open(browser);
    browser.assertAccessible("login");
    ShellPage shell = login.loginAs("alpha-user");
    assertEquals("alpha-user", shell.account());
    assertEquals(java.util.List.of("申請單", "通行證", "人員", "車輛", "公司資料"), shell.navigation());
    assertTrue(browser.script("return sessionStorage.getItem('portpass.token')") != null);
    shell.logout();
    assertNull(browser.script("return sessionStorage.getItem('portpass.token')"));
    assertEquals(0L, browser.script("return sessionStorage.length"));
    assertNull(browser.script("return localStorage.getItem('portpass.token')"));
    browser.go("/persons");
    browser.waitFor("#login-submit"); // no way back in without logging in again
  }

  @Test
  void emptyFieldsAndAWrongPasswordAreShownBesideTheFieldsAndInTheSummary() {
    LoginPage login = LoginPage.open(browser);
    String summary = login.loginFails();
    assertTrue(summary.contains("請輸入帳號"), summary);
    assertEquals("錯誤：請輸入密碼", login.fieldError("password").replaceAll("\\s", ""));
    browser.assertAccessible("login with errors");
    login.fill("alpha-user", "wrong-password");
    summary = login.loginFails();
    assertFalse(summary.contains("請輸入帳號"), summary);
    assertTrue(browser.find("#password").getAttribute("value").isEmpty());
  }

  @Test
  void theLanguageSwitchesToEnglishAndIsRemembered() {
    LoginPage.open(browser);
    assertEquals("登入", browser.heading());
    new ShellPage(browser).switchLanguage();
    assertEquals("Log in", browser.heading());
    browser.driver.navigate().refresh();
    browser.waitForText("main h1", "Log in");
    ShellPage shell = new LoginPage(browser).loginAs("alpha-user");
    assertEquals("Applications", shell.navigation().get(0));
    shell.switchLanguage();
    assertEquals("zh-TW", shell.language());
    assertEquals("申請單", shell.navigation().get(0));
  }

  @Test
  void aCompanyUserCannotReachStaffScreensAndTheApiRefusesThemToo() {
    ShellPage shell = LoginPage.open(browser).loginAs("alpha-user");
    for (String staff :
        List.of(
            "/reviews",
            "/reviews/KEL/REVIEW",
            "/reviews/KEL/REVIEW/lines/1",
            "/desk",
            "/desk/jobs/1",
            "/admin/companies",
            "/admin/companies/new",
            "/admin/accounts",
            "/admin/accounts/new",
            "/admin/audit")) {
      browser.go(staff);
      browser.waitForText("main h1", "您沒有使用這個頁面的權限");
      assertFalse(
          shell.navigation().stream().anyMatch(n -> n.contains("審查") || n.contains("製證")), staff);
    }
    org.portpass.itest.Api company = WebServer.api("alpha-user");
    company.get("/reviews/KEL/REVIEW").problem(403, "forbidden");
    company.get("/card-jobs?port=KEL").problem(403, "forbidden");
    company.get("/audit").problem(403, "forbidden");
    browser.go("/company");
    browser.waitFor("#company-fixed");
    browser.assertAccessible("company (read-only for a company user)");
  }

  @Test
  void theCompanyAdministratorChangesThePhoneButNotTheName() {
    LoginPage.open(browser).loginAs("alpha-admin");
    browser.go("/company");
    browser.waitFor("#company-save");
    assertTrue(browser.all("input#name, input#taxId").isEmpty(), "name and tax ID are not inputs");
    browser.type("#phone", "02-2345-6789");
    browser.click("#company-save");
    browser.waitFor(".banner");
    org.portpass.itest.Api admin = WebServer.api("alpha-admin");
    long companyId = admin.get("/auth/me").json().path("companyId").asLong();
    assertEquals(
        "02-2345-6789", admin.get("/companies/" + companyId).json().path("phone").asText());
    browser.assertAccessible("company (editable)");
  }

  @Test
  void aNewCompanyAppliesForItsAccountAndLogsIn() {
    LoginPage.open(browser);
    browser.click("#register-link");
    browser.waitFor("#register-submit");
    String user = "gamma" + System.nanoTime() % 1_000_000;
    browser.type("#companyTaxId", org.portpass.itest.Samples.taxId());
    browser.type("#companyName", "伽瑪報關有限公司");
    browser.type("#displayName", "周小姐");
    browser.type("#phone", "02-2700-1234");
    browser.type("#username", user);
    browser.type("#password", "short");
    browser.click("#register-submit");
    assertTrue(browser.find("#password-error").getText().length() > 3);
    browser.assertAccessible("account application with a problem");
    browser.type("#password", "a-long-enough-password");
    browser.click("#register-submit");
    browser.waitFor("#to-login");
    browser.click("#to-login");
    new LoginPage(browser).fill(user, "a-long-enough-password");
    browser.click("#login-submit");
    browser.waitFor("#logout");
    browser.go("/company");
    browser.waitForText("#company-fixed", "伽瑪報關有限公司");
    assertTrue(browser.find("#company-fixed").getText().contains("待審核"));
  }
}
