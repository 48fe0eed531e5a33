/**
 * The card desk's devices as services: a {@link org.portpass.device.CardPrinter}, a {@link
 * org.portpass.device.QrScanner} and an {@link org.portpass.device.RfidEncoder}. A driver bundle
 * registers each device with the {@code port} and {@code desk} service properties of the desk it is
 * attached to; the desk takes whatever devices are registered for it at the moment it runs a step,
 * so drivers are swapped by installing and uninstalling bundles.
 */
@Export
@Version("1.0.0")
package org.portpass.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
