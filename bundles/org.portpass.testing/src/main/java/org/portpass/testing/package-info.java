/**
 * The unit-test seam for the services: {@link org.portpass.testing.TestDatabase} (an in-memory
 * Derby database migrated with the bundles' own changelogs, their persistence units on it), {@link
 * org.portpass.testing.LocalJpaTemplate} (Aries JPA's template with local transactions) and {@link
 * org.portpass.testing.RecordingEventAdmin}. Test scope only; never deployed.
 */
package org.portpass.testing;
