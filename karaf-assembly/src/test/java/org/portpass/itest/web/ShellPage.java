package org.portpass.itest.web;

import java.util.List;
import org.openqa.selenium.WebElement;

/** The application's frame on every screen: navigation, language switch, account, logout. */
class ShellPage {
  final Browser browser;

  ShellPage(Browser browser) {
    this.browser = browser;
  }

  List<String> navigation() {
    return browser.all(".nav__link").stream().map(WebElement::getText).toList();
  }

  void switchLanguage() {
    String before = browser.script("return document.documentElement.lang").toString();
    browser.click("#language-switch");
    new org.openqa.selenium.support.ui.WebDriverWait(
            browser.driver, java.time.Duration.ofSeconds(10))
        .until(d -> !before.equals(browser.script("return document.documentElement.lang")));
  }

  String language() {
    return browser.script("return document.documentElement.lang").toString();
  }

  LoginPage logout() {
    browser.click("#logout");
    browser.waitFor("#login-submit");
    return new LoginPage(browser);
  }

  String account() {
    return browser.find("#account-name").getText();
  }
}
