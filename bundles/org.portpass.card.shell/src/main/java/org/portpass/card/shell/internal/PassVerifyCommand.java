package org.portpass.card.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.card.CardService;
import org.portpass.card.Verification;

/** Answers what a gate would: is this scanned pass code valid (here, today)? */
@Service
@Command(scope = "portpass", name = "pass-verify", description = "Verify a scanned pass code")
public class PassVerifyCommand implements Action {
  @Reference CardService cards;

  @Argument(index = 0, name = "payload", required = true, description = "The scanned text, PP1....")
  String payload;

  @Argument(index = 1, name = "port", description = "The gate's port; any port when omitted")
  String port;

  @Override
  public Object execute() {
    Verification v = cards.verify(payload, port);
    System.out.println((v.valid() ? "VALID" : "INVALID (" + v.reason() + ")") + ": " + v.message());
    if (v.passNumber() != null) {
      System.out.printf(
          "Pass %s, card %s, ports %s, %s to %s%s%n",
          v.passNumber(),
          v.cardSerial(),
          String.join(",", v.accessPorts()),
          v.validFrom(),
          v.validTo(),
          v.holder() == null ? "" : ", holder " + v.holder());
    }
    return null;
  }
}
