/**
 * The database underneath every capability: versioned schema migrations (Liquibase) that run on
 * Derby and PostgreSQL alike, and the database's status for health checks and for failing fast
 * while it is out of reach.
 */
@Export
@Version("1.1.0")
package org.portpass.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
