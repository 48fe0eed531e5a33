/**
 * The registry: companies, persons, vehicles and their attachments. Each entity is identified by
 * its natural key (tax ID, identity number, plate number) and its data and attachments move with
 * it.
 */
@Export
@Version("1.2.0")
package org.portpass.registry;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
