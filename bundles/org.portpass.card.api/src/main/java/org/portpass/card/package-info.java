/**
 * Card production (製證): card jobs at the pickup port's card desk (print, verify, encode, ready),
 * the cards made for each pass, the card face rendering, and the signed pass code printed as a QR
 * code that gates and desks verify offline with the public key alone ({@link
 * org.portpass.card.PassCode}).
 */
@Export
@Version("2.1.0")
package org.portpass.card;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
