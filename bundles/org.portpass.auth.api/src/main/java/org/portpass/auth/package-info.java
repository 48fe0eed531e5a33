/**
 * Accounts, login and the bearer tokens that carry a caller's identity, plus the SPI through which
 * external identity providers (MTNet, 航港單一窗口) prove who someone is.
 */
@Export
@Version("1.1.0")
package org.portpass.auth;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
