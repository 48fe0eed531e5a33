/**
 * The vocabulary every PortPass capability shares: who is calling ({@link
 * org.portpass.core.Caller}), the domain errors every interface maps to a clear answer, paging, and
 * the checks of free text ({@link org.portpass.core.Texts}).
 */
@Export
@Version("1.5.0")
package org.portpass.core;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
