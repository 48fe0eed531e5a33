package org.portpass.card.gate;

import org.osgi.annotation.versioning.ProviderType;
import org.portpass.core.Caller;
import org.portpass.core.Page;
import org.portpass.core.PageRequest;

/**
 * Gate passage records (進出紀錄): what gates report of every verification, queryable per port and per
 * pass. Gates report as the port's harbor police (POLICE) or an administrator; the records of a
 * port are read by its port staff and administrators.
 */
@ProviderType
public interface GatePassageService {
  GatePassage record(Caller caller, GatePassageReport report);

  /** Newest first. Port staff see the records of their own ports only. */
  Page<GatePassage> find(Caller caller, GatePassageQuery query, PageRequest page);
}
