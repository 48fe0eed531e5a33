package org.portpass.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedHashMap;
import org.junit.jupiter.api.Test;
import org.portpass.core.FieldError;
import org.portpass.core.Role;
import org.portpass.core.ValidationException;

class JsonProviderTest {
  private static final Annotation[] NONE = new Annotation[0];
  private static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE;

  record Contact(String name, String phone) {}

  record Company(String name, int employees, List<Contact> contacts) {}

  record Stamp(LocalDate day, Instant at) {}

  record Account(Role role) {}

  record Ports(List<String> ports, java.util.Map<String, String> names, String[] codes) {}

  private final JsonProvider provider = new JsonProvider();

  @SuppressWarnings("unchecked")
  private Object read(Class<?> type, String json) throws IOException {
    return read(type, type, json);
  }

  @SuppressWarnings("unchecked")
  private Object read(Class<?> type, Type generic, String json) throws IOException {
    InputStream body = new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    return provider.readFrom(
        (Class<Object>) type, generic, NONE, JSON, new MultivaluedHashMap<>(), body);
  }

  private String write(Object value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    provider.writeTo(
        value, value.getClass(), value.getClass(), NONE, JSON, new MultivaluedHashMap<>(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private FieldError refusal(Class<?> type, String json) {
    ValidationException e = assertThrows(ValidationException.class, () -> read(type, json));
    assertEquals(1, e.errors().size(), e.errors().toString());
    return english(e.errors().get(0));
  }

  /** The error with its English message (the message keys are TranslationsTest's). */
  private static FieldError english(FieldError e) {
    return new FieldError(e.field(), e.message());
  }

  @Test
  void datesAreWrittenAsIsoStrings() throws IOException {
    String json = write(new Stamp(LocalDate.of(2025, 3, 1), Instant.parse("2025-03-01T10:15:30Z")));
    assertEquals("{\"day\":\"2025-03-01\",\"at\":\"2025-03-01T10:15:30Z\"}", json);
  }

  @Test
  void isoDatesAreRead() throws IOException {
    Object stamp = read(Stamp.class, "{\"day\":\"2025-03-01\",\"at\":\"2025-03-01T10:15:30Z\"}");
    assertEquals(new Stamp(LocalDate.of(2025, 3, 1), Instant.parse("2025-03-01T10:15:30Z")), stamp);
  }

  @Test
  void nestedObjectsAreRead() throws IOException {
    Object company =
        read(
            Company.class,
            "{\"name\":\"Acme\",\"employees\":3,\"contacts\":[{\"name\":\"Ann\",\"phone\":\"1\"}]}");
    assertEquals(new Company("Acme", 3, List.of(new Contact("Ann", "1"))), company);
  }

  @Test
  void malformedJsonIsRefusedAsBody() {
    FieldError error = refusal(Contact.class, "{\"name\": \"Ann\",");
    assertEquals("body", error.field());
    assertTrue(error.message().startsWith("malformed JSON"), error.message());
  }

  @Test
  void unquotedKeysAreMalformed() {
    assertEquals("body", refusal(Contact.class, "{name: \"Ann\"}").field());
  }

  @Test
  void trailingContentIsRefusedAsBody() {
    assertEquals("body", refusal(Contact.class, "{\"name\":\"Ann\"} {}").field());
  }

  @Test
  void emptyBodyIsRefusedAsBody() {
    assertEquals("body", refusal(Contact.class, "").field());
  }

  @Test
  void jsonNullBodyIsRefused() {
    assertEquals("body", refusal(Contact.class, "null").field());
  }

  @Test
  void unknownPropertyIsRefusedUnderItsName() {
    assertEquals(
        new FieldError("colour", "unknown property"),
        refusal(Contact.class, "{\"name\":\"Ann\",\"colour\":\"red\"}"));
  }

  @Test
  void unknownNestedPropertyIsRefusedWithItsPath() {
    assertEquals(
        new FieldError("contacts/0/fax", "unknown property"),
        refusal(
            Company.class, "{\"name\":\"Acme\",\"contacts\":[{\"name\":\"Ann\",\"fax\":\"1\"}]}"));
  }

  @Test
  void wrongTypeIsRefusedWithNestedPath() {
    FieldError error =
        refusal(
            Company.class,
            "{\"name\":\"Acme\",\"contacts\":[{\"name\":\"Ann\"},{\"name\":{\"first\":\"Bo\"}}]}");
    assertEquals(new FieldError("contacts/1/name", "wrong type of value"), error);
  }

  @Test
  void wrongTypeMessageDoesNotEchoInputOrJavaTypes() {
    FieldError error = refusal(Company.class, "{\"employees\":\"many\"}");
    assertEquals("employees", error.field());
    assertFalse(error.message().contains("many"), error.message());
    assertFalse(error.message().contains("int"), error.message());
  }

  @Test
  void nullForPrimitiveIsRefused() {
    assertEquals(
        new FieldError("employees", "must not be null"),
        refusal(Company.class, "{\"employees\":null}"));
  }

  @Test
  void unknownEnumValueListsAllowedValues() {
    FieldError error = refusal(Account.class, "{\"role\":\"KING\"}");
    assertEquals("role", error.field());
    assertTrue(error.message().startsWith("must be one of ["), error.message());
    assertTrue(error.message().contains("COMPANY_ADMIN"), error.message());
    assertFalse(error.message().contains("KING"), error.message());
  }

  @Test
  void unknownEnumValueWithBracketsIsNotEchoed() {
    FieldError error = refusal(Account.class, "{\"role\":\"[x]\"}");
    assertEquals("role", error.field());
    assertTrue(error.message().contains("COMPANY_ADMIN"), error.message());
    assertFalse(error.message().contains("[x]"), error.message());
  }

  @Test
  void errorInTopLevelListIsReportedByIndex() throws NoSuchFieldException {
    Type listOfContacts = Holder.class.getDeclaredField("contacts").getGenericType();
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () -> read(List.class, listOfContacts, "[{\"name\":\"Ann\"},{\"nme\":\"Bo\"}]"));
    assertEquals(
        List.of(new FieldError("1/nme", "unknown property")),
        e.errors().stream().map(JsonProviderTest::english).toList());
  }

  @Test
  void aNullInsideAListMapOrArrayIsRefusedByItsPath() {
    assertEquals(
        new FieldError("ports/1", "must not be null"),
        refusal(Ports.class, "{\"ports\":[\"KEL\",null]}"));
    assertEquals(
        new FieldError("names/KEL", "must not be null"),
        refusal(Ports.class, "{\"names\":{\"KEL\":null}}"));
    assertEquals(
        new FieldError("codes/0", "must not be null"), refusal(Ports.class, "{\"codes\":[null]}"));
  }

  @Test
  void malformedJsonMessageNamesNoJacksonInternals() {
    FieldError error = refusal(Contact.class, "{\"name\": \"Ann\"");
    assertEquals("body", error.field());
    assertTrue(error.message().startsWith("malformed JSON: "), error.message());
    assertFalse(error.message().contains("`"), error.message());
    assertFalse(error.message().contains("Source"), error.message());
    FieldError nan = refusal(Company.class, "{\"employees\": NaN}");
    assertFalse(nan.message().contains("`"), nan.message());
  }

  @Test
  void tooDeeplyNestedJsonIsMalformed() {
    FieldError error = refusal(Contact.class, "{\"a\":".repeat(2000));
    assertFalse(error.message().contains("`"), error.message());
  }

  @Test
  void textWithNulOrBrokenSurrogatesIsRefusedUnderItsName() {
    for (String bad : List.of("\\u0000", "a\\u0000b", "\\ud800", "x\\udfffy", "\\ud800\\ud800")) {
      assertEquals(
          new FieldError("name", JsonProvider.UNUSABLE_TEXT),
          refusal(Contact.class, "{\"name\":\"" + bad + "\"}"),
          bad);
    }
    assertEquals(
        new FieldError("contacts/0/phone", JsonProvider.UNUSABLE_TEXT),
        refusal(Company.class, "{\"contacts\":[{\"phone\":\"\\u0000\"}]}"));
  }

  @Test
  void emojiAndOtherWholeCharactersAreKept() throws IOException {
    assertEquals(
        new Contact("😀 陳 e\u0301", null),
        read(Contact.class, "{\"name\":\"\\ud83d\\ude00 陳 e\\u0301\"}"));
  }

  @Test
  void numbersAreNotGuessedFromOtherTypes() {
    assertEquals(
        new FieldError("employees", "wrong type of value"),
        refusal(Company.class, "{\"employees\":\"3\"}"));
    assertEquals(
        new FieldError("employees", "wrong type of value"),
        refusal(Company.class, "{\"employees\":1.5}"));
    assertEquals(
        new FieldError("role", "wrong type of value"), refusal(Account.class, "{\"role\":1}"));
  }

  @Test
  void rawTypesAreLeftToOtherProviders() {
    assertFalse(provider.isReadable(String.class, String.class, NONE, JSON));
    assertFalse(provider.isWriteable(byte[].class, byte[].class, NONE, JSON));
    assertFalse(provider.isReadable(InputStream.class, InputStream.class, NONE, JSON));
  }

  @Test
  void problemJsonIsWritableButTextIsNot() {
    assertTrue(
        provider.isWriteable(
            Map.class, Map.class, NONE, new MediaType("application", "problem+json")));
    assertFalse(provider.isWriteable(Map.class, Map.class, NONE, MediaType.TEXT_PLAIN_TYPE));
  }

  private static final class Holder {
    @SuppressWarnings("unused")
    List<Contact> contacts;
  }

  private FieldError refusalOfBytes(MediaType media, byte[] body) {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                provider.readFrom(
                    (Class<Object>) (Class<?>) Contact.class,
                    Contact.class,
                    NONE,
                    media,
                    new MultivaluedHashMap<>(),
                    new ByteArrayInputStream(body)));
    return english(e.errors().get(0));
  }

  @Test
  void duplicateKeysAreRefused() {
    FieldError error =
        refusal(Contact.class, "{\"name\":\"x\",\"phone\":\"1\",\"name\":\"admin\"}");
    assertEquals("body", error.field());
    assertTrue(error.message().contains("name"), error.message());
  }

  @Test
  void numbersAndBooleansAreNotTurnedIntoText() {
    for (String value : List.of("12", "1.5", "true", "false", "[\"x\"]", "{}")) {
      FieldError error = refusal(Contact.class, "{\"name\":" + value + "}");
      assertEquals("name", error.field(), value);
      assertEquals("wrong type of value", error.message(), value);
    }
  }

  @Test
  void datesArePlainIsoDatesInRange() {
    for (String value :
        List.of(
            "\"1990-01-01T00:00:00Z\"",
            "\"-0001-01-01\"",
            "\"+10000-01-01\"",
            "\"10000-01-01\"",
            "\"1899-12-31\"",
            "\"2200-01-01\"",
            "\"2023-02-29\"",
            "[2024,1,1]",
            "20240101")) {
      FieldError error = refusal(Stamp.class, "{\"day\":" + value + "}");
      assertEquals("day", error.field(), value);
      assertTrue(error.message().contains("1900 and 2199"), value + ": " + error.message());
    }
  }

  @Test
  void overlongUtf8IsRefused() {
    byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'};
    FieldError error = refusalOfBytes(JSON, body);
    assertEquals("body", error.field());
    assertEquals("not valid UTF-8 text", error.message());
  }

  @Test
  void utf16DeclaredAsUtf8IsRefused() {
    byte[] body = "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_16);
    assertEquals("body", refusalOfBytes(JSON, body).field());
    assertEquals(
        "body",
        refusalOfBytes(
                MediaType.valueOf("application/json; charset=UTF-8"),
                "{\"name\":\"Ann\"}".getBytes(StandardCharsets.UTF_16LE))
            .field());
  }

  @Test
  void aDeclaredCharsetIsHonoured() throws IOException {
    Object contact =
        provider.readFrom(
            (Class<Object>) (Class<?>) Contact.class,
            Contact.class,
            NONE,
            MediaType.valueOf("application/json; charset=UTF-16"),
            new MultivaluedHashMap<>(),
            new ByteArrayInputStream("{\"name\":\"王\"}".getBytes(StandardCharsets.UTF_16)));
    assertEquals(new Contact("王", null), contact);
  }

  @Test
  void everyListHasAMaximum() throws IOException {
    String contact = "{\"name\":\"n\",\"phone\":\"1\"}";
    String many =
        String.join(",", java.util.Collections.nCopies(JsonProvider.MAX_ITEMS + 1, contact));
    FieldError error =
        refusal(Company.class, "{\"name\":\"A\",\"employees\":1,\"contacts\":[" + many + "]}");
    assertEquals("contacts", error.field());
    assertEquals("at most 1000 items", error.message());
    String enough =
        String.join(",", java.util.Collections.nCopies(JsonProvider.MAX_ITEMS, contact));
    Company company =
        (Company)
            read(Company.class, "{\"name\":\"A\",\"employees\":1,\"contacts\":[" + enough + "]}");
    assertEquals(JsonProvider.MAX_ITEMS, company.contacts().size());
  }
}
