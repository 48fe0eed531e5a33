/**
 * Gates (閘門): the signed revocation list (註銷清單) that gates and desks download, its incremental
 * changes, the offline gate that verifies a pass code with the public key and the list alone, a
 * small HTTP client that keeps a gate's list current, and the gate passage records (進出紀錄) gates
 * report. The list's text format is described on {@link org.portpass.card.gate.RevocationList}.
 */
@Export
@Version("1.0.0")
package org.portpass.card.gate;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
