/**
 * The database underneath every capability: versioned schema migrations (Liquibase) that run on
 * Derby and PostgreSQL alike, and the database's status for health checks.
 */
@Export
@Version("1.0.0")
package org.portpass.storage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
