/**
 * Application forms (申請單): a company's forms with their person and vehicle lines, the per-line
 * review flow across the access ports ({@link org.portpass.application.LineFlow}), the services
 * companies and port staff call, violations and the bans they carry ({@link
 * org.portpass.application.SanctionService}), and the per-port review rule SPI ({@link
 * org.portpass.application.ReviewRule}).
 */
@Export
@Version("1.5.0")
package org.portpass.application;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
