package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.portpass.core.ConflictException;
import org.portpass.core.FieldError;
import org.portpass.core.ForbiddenException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortPassException;
import org.portpass.core.TooLargeException;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;

class ProblemMapperTest {
  private final ProblemMapper mapper = new ProblemMapper();

  @SuppressWarnings("unchecked")
  private static Map<String, Object> body(Response response) {
    return (Map<String, Object>) response.getEntity();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> errors(Response response) {
    return (List<Map<String, String>>) body(response).get("errors");
  }

  @Test
  void validationIsBadRequestListingEveryField() {
    Response response =
        mapper.toResponse(
            new ValidationException(
                List.of(
                    new FieldError("name", "is required"),
                    new FieldError("lines/3/validTo", "must be after validFrom"))));

    assertEquals(400, response.getStatus());
    assertEquals("urn:portpass:problem:validation", body(response).get("type"));
    assertEquals("Bad Request", body(response).get("title"));
    assertEquals(400, body(response).get("status"));
    assertEquals(
        List.of(
            Map.of("field", "name", "message", "is required"),
            Map.of("field", "lines/3/validTo", "message", "must be after validFrom")),
        errors(response));
  }

  @Test
  void unauthorizedIs401() {
    Response response = mapper.toResponse(new UnauthorizedException("log in first"));
    assertEquals(401, response.getStatus());
    assertEquals("urn:portpass:problem:unauthorized", body(response).get("type"));
    assertEquals("log in first", body(response).get("detail"));
  }

  @Test
  void forbiddenIs403() {
    Response response = mapper.toResponse(new ForbiddenException("only customer service"));
    assertEquals(403, response.getStatus());
    assertEquals("urn:portpass:problem:forbidden", body(response).get("type"));
    assertEquals("only customer service", body(response).get("detail"));
    assertFalse(body(response).containsKey("errors"));
  }

  @Test
  void notFoundIs404() {
    Response response = mapper.toResponse(new NotFoundException("person", 7));
    assertEquals(404, response.getStatus());
    assertEquals("urn:portpass:problem:not-found", body(response).get("type"));
    assertEquals("person 7 does not exist", body(response).get("detail"));
  }

  @Test
  void conflictIs409NamingTheClashingField() {
    Response response =
        mapper.toResponse(ConflictException.duplicate("taxId", "tax ID already registered"));
    assertEquals(409, response.getStatus());
    assertEquals("urn:portpass:problem:duplicate", body(response).get("type"));
    assertEquals(
        List.of(Map.of("field", "taxId", "message", "tax ID already registered")),
        errors(response));
  }

  @Test
  void staleVersionIs409OnVersionField() {
    Response response = mapper.toResponse(ConflictException.staleVersion("person 3", 1, 2));
    assertEquals(409, response.getStatus());
    assertEquals("urn:portpass:problem:stale-version", body(response).get("type"));
    assertEquals("version", errors(response).get(0).get("field"));
  }

  @Test
  void conflictWithoutFieldHasNoErrorsList() {
    Response response =
        mapper.toResponse(new ConflictException("state", null, "the company is suspended"));
    assertEquals(409, response.getStatus());
    assertFalse(body(response).containsKey("errors"));
  }

  @Test
  void tooLargeIs413() {
    Response response = mapper.toResponse(new TooLargeException("file over 5 MB"));
    assertEquals(413, response.getStatus());
    assertEquals("urn:portpass:problem:too-large", body(response).get("type"));
  }

  @Test
  void otherDomainExceptionIsClientError() {
    Response response = mapper.toResponse(new PortPassException("odd", "odd input") {});
    assertEquals(400, response.getStatus());
    assertEquals("urn:portpass:problem:odd", body(response).get("type"));
  }

  @Test
  void domainExceptionWrappedAsCauseIsStillFound() {
    Response response =
        mapper.toResponse(
            new RuntimeException(
                "transaction rolled back",
                new IllegalStateException("wrapper", new NotFoundException("vehicle", 12))));
    assertEquals(404, response.getStatus());
    assertEquals("vehicle 12 does not exist", body(response).get("detail"));
  }

  @Test
  void jaxRsNotFoundIsHttp404Problem() {
    Response response = mapper.toResponse(new javax.ws.rs.NotFoundException());
    assertEquals(404, response.getStatus());
    assertEquals("urn:portpass:problem:http-404", body(response).get("type"));
    assertEquals("no such resource", body(response).get("detail"));
  }

  @Test
  void jaxRsMethodNotAllowedIsHttp405Problem() {
    Response response =
        mapper.toResponse(
            new javax.ws.rs.NotAllowedException(Response.status(405).allow("GET").build()));
    assertEquals(405, response.getStatus());
    assertEquals("urn:portpass:problem:http-405", body(response).get("type"));
  }

  @Test
  void unexpectedFailureIs500WithoutLeakingDetails() {
    Response response =
        mapper.toResponse(
            new IllegalStateException("jdbc:postgresql://db/secret password=hunter2"));

    assertEquals(500, response.getStatus());
    assertEquals("urn:portpass:problem:internal", body(response).get("type"));
    String detail = (String) body(response).get("detail");
    assertTrue(detail.contains("incident"), detail);
    assertFalse(detail.contains("hunter2"), detail);
    assertFalse(detail.contains("jdbc"), detail);
    assertFalse(detail.contains("IllegalStateException"), detail);
    assertFalse(detail.contains("java."), detail);
    assertFalse(body(response).containsKey("errors"));
  }

  @Test
  void eachUnexpectedFailureGetsItsOwnIncident() {
    Object first = body(mapper.toResponse(new IllegalStateException("x"))).get("detail");
    Object second = body(mapper.toResponse(new IllegalStateException("x"))).get("detail");
    assertFalse(first.equals(second));
  }

  @Test
  void problemsAreServedAsProblemJson() {
    for (Throwable failure :
        List.of(
            new ValidationException("name", "is required"),
            new javax.ws.rs.NotFoundException(),
            new IllegalStateException("boom"))) {
      Response response = mapper.toResponse(failure);
      assertEquals(
          "application/problem+json", response.getMediaType().toString(), failure.toString());
    }
  }
}
