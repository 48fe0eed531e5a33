package org.portpass.application.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.portpass.application.SanctionService;
import org.portpass.application.ViolationType;
import org.portpass.shell.Commands;
import org.portpass.shell.ShellCallers;

/** Defines or redefines a violation type, for one port or for all. */
@Service
@Command(
    scope = "portpass",
    name = "violation-type-set",
    description = "Define or redefine a violation type and its ban, for one port or for all (*)")
public class ViolationTypeSetCommand implements Action {
  @Reference SanctionService sanctions;

  @Argument(index = 0, name = "code", required = true, description = "e.g. LENDING")
  String code;

  @Argument(index = 1, name = "banMonths", required = true, description = "0 for no ban")
  int banMonths;

  @Argument(index = 2, name = "nameEn", required = true, description = "English name")
  String nameEn;

  @Argument(index = 3, name = "nameZhTw", required = true, description = "Chinese name")
  String nameZhTw;

  @Option(name = "--port", description = "A port code; * (all ports) when left out")
  String port;

  @Option(name = "--no-single-visit", description = "The ban covers single-visit passes too")
  boolean noSingleVisit;

  @Override
  public Object execute() {
    ViolationType t =
        Commands.run(
            () ->
                sanctions.defineType(
                    ShellCallers.current(),
                    new ViolationType(
                        code,
                        port == null ? ViolationType.ALL_PORTS : port,
                        nameEn,
                        nameZhTw,
                        banMonths,
                        !noSingleVisit)));
    if (t != null) {
      System.out.printf(
          "%s at %s: ban %d months, single-visit %s%n",
          t.code(), t.port(), t.banMonths(), t.singleVisitAllowed() ? "allowed" : "banned");
    }
    return null;
  }
}
