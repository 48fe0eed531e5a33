/**
 * What every PortPass REST resource shares: the base path, the caller of a request, problem+json
 * errors, JSON and the OpenAPI document. Resources are Aries JAX-RS Whiteboard services in their
 * capability's own REST bundle.
 */
@Export
@Version("1.2.0")
package org.portpass.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
