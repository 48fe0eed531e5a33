/**
 * What the PortPass shell command bundles share: who the shell user is ({@link
 * org.portpass.shell.ShellCallers}) and domain errors printed as one readable line ({@link
 * org.portpass.shell.Commands}).
 */
@Export
@Version("1.0.0")
package org.portpass.shell;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
