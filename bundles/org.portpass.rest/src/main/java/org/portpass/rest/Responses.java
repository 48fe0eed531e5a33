package org.portpass.rest;

import java.net.URI;
import javax.ws.rs.core.EntityTag;
import javax.ws.rs.core.Response;

/** Answers that carry the record's version as ETag, so clients can send it back as If-Match. */
public final class Responses {
  private Responses() {}

  public static Response ok(Object body, long version) {
    return Response.ok(body).tag(new EntityTag(Long.toString(version))).build();
  }

  public static Response created(String path, long id, Object body, long version) {
    return Response.created(URI.create(path + "/" + id))
        .entity(body)
        .tag(new EntityTag(Long.toString(version)))
        .build();
  }
}
