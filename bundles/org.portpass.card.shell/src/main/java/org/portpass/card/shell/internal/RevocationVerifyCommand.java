package org.portpass.card.shell.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.card.CardService;
import org.portpass.card.gate.OfflineGate;
import org.portpass.card.gate.OfflineVerification;
import org.portpass.card.gate.RevocationService;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/**
 * What an offline gate answers: verifies a pass code with the public key and a revocation list
 * alone (a downloaded file, or the server's current list), without asking the pass records.
 */
@Service
@Command(
    scope = "portpass",
    name = "gate-verify",
    description = "Verify a pass code offline, against a revocation list file or the current list")
public class RevocationVerifyCommand implements Action {
  @Reference CardService cards;
  @Reference RevocationService revocations;

  @Argument(index = 0, name = "payload", required = true, description = "The scanned text, PP1....")
  String payload;

  @Argument(index = 1, name = "port", description = "The gate's port; any port when omitted")
  String port;

  @Option(
      name = "--list",
      description =
          "A signed revocation list file (GET /revocations); the server's current list"
              + " when omitted")
  String file;

  @Override
  public Object execute() throws Exception {
    OfflineGate gate = new OfflineGate(cards.verificationKey(), Clock.systemUTC());
    byte[] list =
        file != null
            ? Files.readAllBytes(Path.of(file))
            : Commands.run(() -> revocations.fullList(ShellCallers.current()));
    if (list == null) {
      return null;
    }
    gate.load(list);
    OfflineVerification v = gate.verify(payload, port);
    System.out.println((v.valid() ? "VALID" : "INVALID (" + v.reason() + ")") + ": " + v.message());
    if (v.passNumber() != null) {
      System.out.printf(
          "Pass %s, card %s, ports %s, %s to %s%n",
          v.passNumber(),
          v.cardSerial(),
          String.join(",", v.accessPorts()),
          v.validFrom(),
          v.validTo());
    }
    System.out.printf(
        "Revocation list version %d (%d entries), %s old%n",
        v.listVersion(), gate.listSize(), v.listAge());
    return null;
  }
}
