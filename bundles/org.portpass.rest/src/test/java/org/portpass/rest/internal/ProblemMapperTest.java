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
import org.portpass.core.InvalidValueException;
import org.portpass.core.NotFoundException;
import org.portpass.core.PortPassException;
import org.portpass.core.Role;
import org.portpass.core.TooLargeException;
import org.portpass.core.UnauthorizedException;
import org.portpass.core.ValidationException;
import org.portpass.rest.Languages;

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
  void theSameProblemInChineseAndEnglishHasTheSameTypeAndFields() {
    ValidationException bad =
        new ValidationException(
            List.of(
                FieldError.of("size", "between", "must be between 1 and 500", 1, 500),
                FieldError.of("reason", "reject-needs-reason", "is required to reject a line"),
                new FieldError("lines/0/attachmentIds", "tick a photo of 王小明")));
    Response en = mapper.toResponse(bad, Languages.of((String) null));
    Response zh = mapper.toResponse(bad, Languages.of("zh-TW,zh;q=0.9,en;q=0.5"));

    assertEquals(body(en).get("type"), body(zh).get("type"));
    assertEquals(400, zh.getStatus());
    assertEquals("Bad Request", body(en).get("title"));
    assertEquals("請求無效", body(zh).get("title"));
    assertEquals(
        List.of("size", "reason", "lines/0/attachmentIds"),
        errors(zh).stream().map(e -> e.get("field")).toList());
    assertEquals(
        errors(en).stream().map(e -> e.get("field")).toList(),
        errors(zh).stream().map(e -> e.get("field")).toList());
    assertEquals("must be between 1 and 500", errors(en).get(0).get("message"));
    assertEquals("必須介於 1 與 500 之間", errors(zh).get(0).get("message"));
    assertEquals("退件時必須填寫理由，告知業者需要修正之處", errors(zh).get(1).get("message"));
    // a message without translation keeps its English text in every language
    assertEquals("tick a photo of 王小明", errors(zh).get(2).get("message"));
    assertTrue(body(zh).get("detail").toString().startsWith("size: 必須介於 1 與 500 之間; "));
  }

  @Test
  void domainErrorsAreTranslatedWithTheirArguments() {
    Response notFound =
        mapper.toResponse(new NotFoundException("pass", "KEL-2026-0000001"), Languages.of("zh"));
    assertEquals("找不到", body(notFound).get("title"));
    assertEquals("通行證 KEL-2026-0000001 不存在", body(notFound).get("detail"));
    assertEquals(
        "pass KEL-2026-0000001 does not exist",
        body(mapper.toResponse(
                new NotFoundException("pass", "KEL-2026-0000001"), Languages.of("en-US")))
            .get("detail"));
    Response role =
        mapper.toResponse(
            new ForbiddenException(
                "only administrators grant the role REVIEWER", "grant-staff-role", "REVIEWER"),
            Languages.of("zh-TW"));
    assertEquals("只有系統管理員可以授予角色 REVIEWER", body(role).get("detail"));
    // no specific translation: the type's general sentence with the English specifics
    Response other =
        mapper.toResponse(new ForbiddenException("only desks print cards"), Languages.of("zh-TW"));
    assertEquals("您沒有執行此操作的權限（only desks print cards）", body(other).get("detail"));
    Response stale =
        mapper.toResponse(ConflictException.staleVersion("form 7", 1, 2), Languages.of("zh-TW"));
    assertEquals("urn:portpass:problem:stale-version", body(stale).get("type"));
    assertEquals("version", errors(stale).get(0).get("field"));
    assertTrue(body(stale).get("detail").toString().contains("您送出的版本為 1，目前為 2"));
  }

  @Test
  void theRecurringFieldMessagesAreTranslated() {
    ValidationException bad =
        new ValidationException(
            List.of(
                FieldError.required("companyId"),
                FieldError.maxLength("purpose", 255),
                FieldError.oneOf("format", List.of("png", "pdf"))));
    Response en = mapper.toResponse(bad, Languages.of("en"));
    Response zh = mapper.toResponse(bad, Languages.of("zh-TW"));

    assertEquals(
        List.of("is required", "must be at most 255 characters", "must be one of [png, pdf]"),
        errors(en).stream().map(e -> e.get("message")).toList());
    assertEquals(
        List.of("必填", "最多 255 個字元", "必須是下列之一：[png, pdf]"),
        errors(zh).stream().map(e -> e.get("message")).toList());
    assertEquals(
        List.of("companyId", "purpose", "format"),
        errors(zh).stream().map(e -> e.get("field")).toList());
    assertEquals(
        "companyId: 必填; purpose: 最多 255 個字元; format: 必須是下列之一：[png, pdf]", body(zh).get("detail"));
  }

  @Test
  void aValueTypesReasonIsTranslatedAndAForeignOneKept() {
    ValidationException bad =
        new ValidationException(
            List.of(
                FieldError.invalid(
                    "taxId",
                    new InvalidValueException(
                        "tax ID '1234' must be exactly 8 digits", "tax-id-digits", "1234")),
                FieldError.invalid("colour", new IllegalArgumentException("not a colour"))));
    Response en = mapper.toResponse(bad, Languages.of("en"));
    Response zh = mapper.toResponse(bad, Languages.of("zh-TW"));

    assertEquals("tax ID '1234' must be exactly 8 digits", errors(en).get(0).get("message"));
    assertEquals("統一編號「1234」必須是 8 位數字", errors(zh).get(0).get("message"));
    assertEquals("not a colour", errors(zh).get(1).get("message"));
  }

  @Test
  void detailsNameTheThingsAndRolesInChinese() {
    Response stale =
        mapper.toResponse(ConflictException.staleVersion("form 7", 1, 2), Languages.of("zh-TW"));
    assertEquals("申請單 7 已被他人修改（您送出的版本為 1，目前為 2）；請重新載入後再試", body(stale).get("detail"));
    Response desk =
        mapper.toResponse(new NotFoundException("card desk", "KEL/desk-1"), Languages.of("zh-TW"));
    assertEquals("製證台 KEL/desk-1 不存在", body(desk).get("detail"));
    ForbiddenException refused =
        ForbiddenException.needsRoleAt(
            "card production at KEL needs its CARD_DESK role", Role.CARD_DESK, "KEL");
    assertEquals(
        "card production at KEL needs its CARD_DESK role",
        body(mapper.toResponse(refused, Languages.of("en"))).get("detail"));
    assertEquals(
        "您在 KEL 沒有製證台人員角色，不能執行此操作",
        body(mapper.toResponse(refused, Languages.of("zh-TW"))).get("detail"));
  }

  @Test
  void aConflictIsTranslatedInItsDetailAndOnItsField() {
    ConflictException taken =
        ConflictException.duplicate(
            "taxId",
            "a company with tax ID 12345678 is already registered",
            "tax-id-registered",
            "12345678");
    Response en = mapper.toResponse(taken, Languages.of("en"));
    Response zh = mapper.toResponse(taken, Languages.of("zh-TW"));

    assertEquals(409, zh.getStatus());
    assertEquals("urn:portpass:problem:duplicate", body(zh).get("type"));
    assertEquals(body(en).get("type"), body(zh).get("type"));
    assertEquals("與現有資料衝突", body(zh).get("title"));
    assertEquals("a company with tax ID 12345678 is already registered", body(en).get("detail"));
    assertEquals("統一編號 12345678 已登錄", body(zh).get("detail"));
    assertEquals(List.of(Map.of("field", "taxId", "message", "統一編號 12345678 已登錄")), errors(zh));
    Response changed =
        mapper.toResponse(
            new ConflictException(
                "stale-version",
                "version",
                "the record was changed by someone else; reload and retry",
                "record-changed"),
            Languages.of("zh-TW"));
    assertEquals("資料已被他人修改；請重新載入後再試", body(changed).get("detail"));
  }

  @Test
  void languagesFollowAcceptLanguageWithEnglishAsDefault() {
    assertEquals("en", Languages.of((String) null).getLanguage());
    assertEquals("en", Languages.of("fr-FR, de;q=0.8").getLanguage());
    assertEquals("zh", Languages.of("fr, zh-Hant-TW;q=0.5").getLanguage());
    assertEquals("en", Languages.of("en;q=0.9, zh-TW;q=0.1").getLanguage());
    assertEquals("en", Languages.of("zh;q=0, en").getLanguage());
    assertEquals("en", Languages.of(";;;not a header").getLanguage());
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

  @Test
  void theDatabaseOutOfReachIs503WithRetryAfterAndOpensTheBreaker() {
    List<Throwable> told = new java.util.ArrayList<>();
    mapper.database = new RecordingStatus(told);
    RuntimeException failure =
        new IllegalStateException(
            "fatal store error",
            new java.sql.SQLException("Connection to 127.0.0.1:5432 refused", "08001"));

    Response en = mapper.toResponse(failure, Languages.of("en"));
    assertEquals(503, en.getStatus());
    assertEquals("urn:portpass:problem:unavailable", body(en).get("type"));
    assertEquals("Service Unavailable", body(en).get("title"));
    assertEquals("1", String.valueOf(en.getHeaderString("Retry-After")));
    assertEquals("application/problem+json", en.getMediaType().toString());
    assertFalse(String.valueOf(body(en).get("detail")).contains("5432"));
    assertEquals(List.of(failure), told);

    Response zh = mapper.toResponse(failure, Languages.of("zh-TW"));
    assertEquals(503, zh.getStatus());
    assertEquals("服務暫時無法使用", body(zh).get("title"));
    assertEquals("資料庫暫時無法連線，請稍後再試", body(zh).get("detail"));
  }

  @Test
  void aFailureThatIsNotTheDatabasesStays500AndLeavesTheBreakerAlone() {
    List<Throwable> told = new java.util.ArrayList<>();
    mapper.database = new RecordingStatus(told);
    Response response =
        mapper.toResponse(new java.sql.SQLException("syntax error", "42601"), Languages.of("en"));
    assertEquals(500, response.getStatus());
    assertEquals(List.of(), told);
  }

  @Test
  void anUnexpectedFailureDuringAKnownOutageIs503() {
    List<Throwable> told = new java.util.ArrayList<>();
    told.add(new java.sql.SQLException("gone", "08006")); // the breaker is open: not reachable
    mapper.database = new RecordingStatus(told);
    Response response =
        mapper.toResponse(
            new IllegalStateException("You have closed the EntityManager"), Languages.of("en"));
    assertEquals(503, response.getStatus());
    assertEquals("1", String.valueOf(response.getHeaderString("Retry-After")));
  }

  /** A database status that records what it is told. */
  private record RecordingStatus(List<Throwable> told)
      implements org.portpass.storage.DatabaseStatus {
    @Override
    public Report check() {
      return new Report(true, "test", null, 0, 0, null);
    }

    @Override
    public boolean reachable() {
      return told.isEmpty();
    }

    @Override
    public void unreachable(Throwable cause) {
      told.add(cause);
    }
  }
}
