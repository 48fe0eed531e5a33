package org.portpass.rest.internal;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.ArrayType;
import com.fasterxml.jackson.databind.type.CollectionType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Array;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import javax.ws.rs.Consumes;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.MultivaluedMap;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;
import org.portpass.core.Dates;
import org.portpass.core.FieldError;
import org.portpass.core.Texts;
import org.portpass.core.TooLargeException;
import org.portpass.core.ValidationException;

/**
 * JSON for every resource: ISO-8601 dates, unknown properties refused, values of the wrong type
 * refused rather than converted ("1" or 1.5 for a number, 0 for an enum), text without NUL
 * characters or broken surrogate pairs, and unreadable bodies reported as a 400 naming the
 * offending field rather than a server error.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName("portpass.json")
@JaxrsMediaType(MediaType.APPLICATION_JSON)
@JaxrsApplicationSelect("(osgi.jaxrs.name=*)")
@Consumes({MediaType.APPLICATION_JSON, "application/*+json"})
@Produces({MediaType.APPLICATION_JSON, "application/*+json"})
public class JsonProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {
  /** Largest JSON request body; forms with hundreds of lines stay well below it. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  /** Why a text value is refused (NUL breaks PostgreSQL, a broken pair is stored as '?'). */
  static final String UNUSABLE_TEXT = "must not contain NUL characters or broken surrogate pairs";

  private static final String WRONG_TYPE = "must be a JSON string";

  /** The most items of any list in a body (a form's lines included); services set lower ones. */
  static final int MAX_ITEMS = 1000;

  static final String TOO_MANY = "at most " + MAX_ITEMS + " items";

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .addModule(
              new SimpleModule("portpass-strict")
                  .addDeserializer(String.class, new Text())
                  .addDeserializer(LocalDate.class, new StrictDate())
                  .setDeserializerModifier(new BoundedLists()))
          // a null inside a list, map or array is a mistake no service expects
          .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
          .build();

  @Override
  public boolean isReadable(
      Class<?> type, Type generic, Annotation[] annotations, MediaType media) {
    return isJson(media) && !isRaw(type);
  }

  @Override
  public Object readFrom(
      Class<Object> type,
      Type generic,
      Annotation[] annotations,
      MediaType media,
      MultivaluedMap<String, String> headers,
      InputStream body)
      throws IOException {
    byte[] bytes = body.readNBytes(MAX_BODY + 1);
    if (bytes.length > MAX_BODY) {
      throw new TooLargeException(
          "a JSON body may be at most " + MAX_BODY + " bytes", "json-body-over", MAX_BODY);
    }
    String text = decode(bytes, media);
    try {
      Object value = MAPPER.readValue(text, MAPPER.constructType(generic));
      if (value == null) {
        throw ValidationException.of("body", "json-object-required", "a JSON object is required");
      }
      return value;
    } catch (JsonMappingException e) {
      throw new ValidationException(java.util.List.of(reason(path(e), e)));
    } catch (JsonProcessingException e) {
      throw new ValidationException(java.util.List.of(malformed(e)));
    }
  }

  /**
   * The body decoded strictly in its declared character set (UTF-8 when none is declared): a byte
   * sequence that is not valid there (an overlong UTF-8 form such as C0 AF, UTF-16 sent as UTF-8)
   * is refused, never replaced or guessed at.
   */
  static String decode(byte[] bytes, MediaType media) {
    Charset charset = StandardCharsets.UTF_8;
    String declared = media == null ? null : media.getParameters().get(MediaType.CHARSET_PARAMETER);
    if (declared != null) {
      try {
        charset = Charset.forName(declared.strip());
      } catch (IllegalArgumentException e) {
        throw ValidationException.of(
            "body",
            "unknown-charset",
            "unknown character set " + Texts.cut(declared, 40),
            Texts.cut(declared, 40));
      }
    }
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw ValidationException.of(
          "body", "not-valid-text", "not valid " + charset.name() + " text", charset.name());
    }
  }

  /** Text as Jackson reads it, refused when it holds a NUL or half of a surrogate pair. */
  static final class Text extends StdScalarDeserializer<String> {
    private static final long serialVersionUID = 1L;

    Text() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        // a number or boolean is not silently turned into text: "nameEn": 12 is a mistake
        throw JsonMappingException.from(p, WRONG_TYPE);
      }
      String text = p.getText();
      if (text != null && !usable(text)) {
        throw JsonMappingException.from(p, UNUSABLE_TEXT);
      }
      return text;
    }

    static boolean usable(String text) {
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == 0) {
          return false;
        }
        if (Character.isHighSurrogate(c)) {
          if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
            return false;
          }
          i++;
        } else if (Character.isLowSurrogate(c)) {
          return false;
        }
      }
      return true;
    }
  }

  /** Every list and array of a body is refused beyond {@link #MAX_ITEMS} items. */
  static final class BoundedLists extends BeanDeserializerModifier {
    private static final long serialVersionUID = 1L;

    @Override
    public JsonDeserializer<?> modifyCollectionDeserializer(
        DeserializationConfig config,
        CollectionType type,
        BeanDescription description,
        JsonDeserializer<?> deserializer) {
      return new Bounded(deserializer);
    }

    @Override
    public JsonDeserializer<?> modifyArrayDeserializer(
        DeserializationConfig config,
        ArrayType type,
        BeanDescription description,
        JsonDeserializer<?> deserializer) {
      return new Bounded(deserializer);
    }
  }

  static final class Bounded extends DelegatingDeserializer {
    private static final long serialVersionUID = 1L;

    Bounded(JsonDeserializer<?> delegate) {
      super(delegate);
    }

    @Override
    protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> delegate) {
      return new Bounded(delegate);
    }

    @Override
    public Object deserialize(JsonParser p, DeserializationContext context) throws IOException {
      Object value = super.deserialize(p, context);
      int size =
          value instanceof Collection<?> c
              ? c.size()
              : value != null && value.getClass().isArray() ? Array.getLength(value) : 0;
      if (size > MAX_ITEMS) {
        throw JsonMappingException.from(p, TOO_MANY);
      }
      return value;
    }
  }

  /** A date is a plain ISO date in the sane range of {@link Dates}, in a JSON string. */
  static final class StrictDate extends StdScalarDeserializer<LocalDate> {
    private static final long serialVersionUID = 1L;

    StrictDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext context) throws IOException {
      LocalDate date = p.hasToken(JsonToken.VALUE_STRING) ? Dates.parseOrNull(p.getText()) : null;
      if (date == null) {
        throw JsonMappingException.from(p, Dates.MESSAGE);
      }
      return date;
    }
  }

  /**
   * Jackson's reason for unreadable JSON, without the hints it adds that name its own classes and
   * settings ({@code `StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION`}), and where it happened.
   */
  static FieldError malformed(JsonProcessingException e) {
    String message = e instanceof StreamConstraintsException ? null : e.getOriginalMessage();
    if (message != null) {
      for (String hint : List.of(" (start marker", ": enable `", "\n")) {
        int at = message.indexOf(hint);
        if (at >= 0) {
          message = message.substring(0, at);
        }
      }
    }
    if (message == null || message.isBlank() || message.contains("`")) {
      message =
          e instanceof StreamConstraintsException
              ? "nested too deeply, or a name, number or text is too long"
              : "not valid JSON";
    }
    JsonLocation where = e.getLocation();
    String at =
        where == null || where.getLineNr() < 1
            ? ""
            : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
    return FieldError.of("body", "malformed-json", "malformed JSON: " + message + at, message + at);
  }

  @Override
  public boolean isWriteable(
      Class<?> type, Type generic, Annotation[] annotations, MediaType media) {
    return isJson(media) && !isRaw(type);
  }

  @Override
  public void writeTo(
      Object value,
      Class<?> type,
      Type generic,
      Annotation[] annotations,
      MediaType media,
      MultivaluedMap<String, Object> headers,
      OutputStream out)
      throws IOException {
    MAPPER.writeValue(out, value);
  }

  private static boolean isJson(MediaType media) {
    return media == null
        || media.isWildcardType()
        || media.getSubtype().equals("json")
        || media.getSubtype().endsWith("+json");
  }

  private static boolean isRaw(Class<?> type) {
    return type == byte[].class
        || type == String.class
        || InputStream.class.isAssignableFrom(type)
        || javax.ws.rs.core.StreamingOutput.class.isAssignableFrom(type);
  }

  private static String path(JsonMappingException e) {
    String path =
        e.getPath().stream()
            .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
            .collect(Collectors.joining("/"));
    return path.isEmpty() ? "body" : path;
  }

  /** Jackson's message without the echo of the input or Java class names. */
  private static FieldError reason(String field, JsonMappingException e) {
    String message = e.getOriginalMessage();
    if (message == null) {
      return FieldError.of(field, "invalid-value", "invalid value");
    }
    if (message.startsWith("Unrecognized field")) {
      return FieldError.of(field, "unknown-property", "unknown property");
    }
    if (message.contains("not one of the values accepted for Enum class")) {
      // the allowed names come last; an earlier '[' would be in the echoed input
      int start = message.lastIndexOf('[');
      int end = message.indexOf(']', start);
      return start >= 0 && end > start
          ? FieldError.of(
              field,
              "one-of",
              "must be one of " + message.substring(start, end + 1),
              message.substring(start, end + 1))
          : FieldError.of(field, "not-allowed-value", "not an allowed value");
    }
    if (message.startsWith("Cannot deserialize value of type")
        || message.startsWith("Cannot coerce")
        || message.startsWith("Cannot construct instance")) {
      return FieldError.of(field, "wrong-type", "wrong type of value");
    }
    if (message.startsWith("Cannot map `null`") || message.startsWith("Invalid `null` value")) {
      return FieldError.of(field, "not-null", "must not be null");
    }
    if (message.equals(UNUSABLE_TEXT)) {
      return FieldError.of(field, "unusable-text", UNUSABLE_TEXT);
    }
    if (message.equals(Dates.MESSAGE)) {
      return FieldError.of(field, "date-range", Dates.MESSAGE);
    }
    if (message.equals(TOO_MANY)) {
      return FieldError.of(field, "too-many-items", TOO_MANY, MAX_ITEMS);
    }
    if (message.equals(WRONG_TYPE)) {
      return FieldError.of(field, "wrong-type", "wrong type of value");
    }
    return FieldError.of(field, "invalid-value", "invalid value");
  }
}
