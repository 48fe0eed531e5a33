/**
 * The vocabulary every PortPass capability shares: who is calling ({@link
 * org.portpass.core.Caller}), the domain errors every interface maps to a clear answer, and paging.
 */
@Export
@Version("1.0.0")
package org.portpass.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
