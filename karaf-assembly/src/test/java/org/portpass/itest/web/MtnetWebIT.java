package org.portpass.itest.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.portpass.itest.MtnetIssuer;
import org.portpass.itest.Samples;

/**
 * MTNet login (航港單一窗口, slide 3) in a real browser: MTNet sends the user back with its signed
 * assertion; the first time, the user completes the company data and is logged in; later logins go
 * straight in.
 */
class MtnetWebIT extends BrowserTest {

  @Test
  void aFirstMtnetLoginCompletesTheCompanyDataThenLaterLoginsGoStraightIn() {
    String subject = "mtnet-web-" + UUID.randomUUID();
    browser.go("/mtnet?assertion=" + MtnetIssuer.assertion(subject));
    browser.waitFor("#mtnet-submit");
    assertEquals("補填資料", browser.heading());
    assertFalse(
        browser.driver.getCurrentUrl().contains("assertion"),
        "the assertion must not stay in the address bar");
    browser.assertAccessible("MTNet completion");

    // nothing filled in: every missing field is named in the summary and beside the field
    browser.click("#mtnet-submit");
    String summary = browser.find(".error-summary").getText();
    assertTrue(browser.find("#companyTaxId-error").isDisplayed(), summary);
    browser.screenshot("MtnetWebIT-completion-errors");

    String taxId = Samples.taxId();
    String username = "mtnet-web-" + taxId;
    browser.type("#companyTaxId", taxId);
    browser.type("#companyName", "網頁航運股份有限公司");
    browser.type("#displayName", "王小明");
    browser.type("#phone", "07-000-2222");
    browser.type("#username", username);
    browser.click("#mtnet-submit");
    browser.waitFor("#logout");
    assertEquals(username, new ShellPage(browser).account());

    // the next MTNet login of the same person is the linked account, without questions
    new ShellPage(browser).logout();
    browser.go("/mtnet?assertion=" + MtnetIssuer.assertion(subject));
    browser.waitFor("#logout");
    assertEquals(username, new ShellPage(browser).account());
  }

  @Test
  void anAssertionThatDoesNotVerifyIsRefusedInWords() {
    browser.go("/mtnet?assertion=not-a-signed-assertion");
    browser.waitFor("#mtnet-error");
    assertEquals("MTNet 登入沒有成功", browser.heading());
    assertFalse(browser.find("#mtnet-error").getText().isBlank());
  }
}
