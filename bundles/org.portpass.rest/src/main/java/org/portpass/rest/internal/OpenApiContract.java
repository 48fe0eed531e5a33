package org.portpass.rest.internal;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.converter.ResolvedSchema;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HEAD;
import javax.ws.rs.OPTIONS;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.core.Response;
import org.portpass.rest.ProblemTypes;
import org.portpass.rest.Public;

/**
 * Completes the document that swagger's Reader derives from the resources' annotations with what
 * every operation shares, so the resources only declare what is theirs: the problem+json schema and
 * the errors every operation can answer, the bearer security scheme (operations marked {@link
 * Public} need none), typed paging and id parameters, one literal path per owner for paths that
 * take an enumerated first segment, unique operation ids and the licence.
 */
final class OpenApiContract {
  static final String PROBLEM = "Problem";
  static final String BEARER = "bearer";

  /** Types of properties the server writes as null when they have no value. */
  private static final Set<String> NULLABLE_TYPES =
      Set.of("string", "array", "object", "integer", "number", "boolean");

  private static final Set<String> INTEGER_PARAMETERS =
      Set.of("page", "size", "max", "version", "companyId");
  private static final Map<Class<? extends Annotation>, PathItem.HttpMethod> VERBS =
      Map.of(
          GET.class, PathItem.HttpMethod.GET,
          POST.class, PathItem.HttpMethod.POST,
          PUT.class, PathItem.HttpMethod.PUT,
          PATCH.class, PathItem.HttpMethod.PATCH,
          DELETE.class, PathItem.HttpMethod.DELETE,
          HEAD.class, PathItem.HttpMethod.HEAD,
          OPTIONS.class, PathItem.HttpMethod.OPTIONS);

  private OpenApiContract() {}

  static OpenAPI complete(OpenAPI api, Collection<Class<?>> resources) {
    api.getInfo()
        .license(
            new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0"));
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    api.components(
        components
            .addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP)
                    .scheme("bearer")
                    .bearerFormat("JWT")
                    .description("POST /auth/login answers the token"))
            .addSchemas("ProblemField", problemField())
            .addSchemas(PROBLEM, problem()));
    Map<Operation, Method> methods = methods(api, resources);
    Map<String, Integer> names = new HashMap<>();
    methods.values().forEach(m -> names.merge(m.getName(), 1, Integer::sum));
    methods.forEach((operation, method) -> name(operation, method, names));
    methods.forEach((operation, method) -> success(operation, method, components));
    methods.forEach(
        (operation, method) ->
            operation.security(
                method.isAnnotationPresent(Public.class)
                    ? List.of()
                    : List.of(new SecurityRequirement().addList(BEARER))));
    api.paths(literalOwners(api.getPaths()));
    components.getSchemas().values().forEach(OpenApiContract::nullableProperties);
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperationsMap().forEach((verb, op) -> complete(path, verb, op)));
    return api;
  }

  /** Each operation of the document with the resource method it comes from. */
  private static Map<Operation, Method> methods(OpenAPI api, Collection<Class<?>> resources) {
    Map<Operation, Method> methods = new IdentityHashMap<>(); // operations are mutable values
    for (Class<?> resource : resources) {
      String base = template(resource.getAnnotation(Path.class));
      for (Method method : resource.getMethods()) {
        for (var verb : VERBS.entrySet()) {
          if (method.isAnnotationPresent(verb.getKey())) {
            String path = join(base, template(method.getAnnotation(Path.class)));
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
            Operation operation =
                item == null ? null : item.readOperationsMap().get(verb.getValue());
            if (operation != null) {
              methods.put(operation, method);
            }
          }
        }
      }
    }
    return methods;
  }

  /** A JAX-RS path as the Reader writes it: {@code {id: \d+}} becomes {@code {id}}. */
  private static String template(Path path) {
    return path == null ? "" : path.value().replaceAll("\\{\\s*(\\w+)\\s*:[^}]*}", "{$1}");
  }

  private static String join(String base, String path) {
    String joined = ("/" + base + "/" + path).replaceAll("/+", "/");
    return joined.length() > 1 && joined.endsWith("/")
        ? joined.substring(0, joined.length() - 1)
        : joined;
  }

  /**
   * The method's name when no other resource has one alike, else the name and the resource's, e.g.
   * {@code getPerson}; an id given in the annotation stays.
   */
  private static void name(Operation operation, Method method, Map<String, Integer> names) {
    var annotation = method.getAnnotation(io.swagger.v3.oas.annotations.Operation.class);
    if (annotation != null && !annotation.operationId().isEmpty()) {
      return;
    }
    String resource = method.getDeclaringClass().getSimpleName().replace("Resource", "");
    operation.operationId(
        names.get(method.getName()) == 1 ? method.getName() : method.getName() + resource);
  }

  /**
   * The Reader describes the returned record only when a method declares no response at all: one
   * that declares its errors gets the record as its 200 here.
   */
  private static void success(Operation op, Method method, Components components) {
    ApiResponses responses = op.getResponses();
    boolean declared =
        responses != null
            && responses.keySet().stream().anyMatch(c -> c.startsWith("2") || c.equals("default"));
    Type type = method.getGenericReturnType();
    if (declared || responses == null || type == void.class || type == Response.class) {
      return;
    }
    ResolvedSchema resolved =
        ModelConverters.getInstance()
            .resolveAsResolvedSchema(new AnnotatedType(type).resolveAsRef(true));
    resolved.referencedSchemas.forEach(components::addSchemas);
    responses.addApiResponse(
        "200",
        new ApiResponse()
            .description("OK")
            .content(
                new Content()
                    .addMediaType(
                        javax.ws.rs.core.MediaType.APPLICATION_JSON,
                        new MediaType().schema(resolved.schema))));
  }

  /**
   * A path whose first segment is an enumerated parameter ({@code {owner}/{ownerId}/attachments})
   * becomes one literal path per value ({@code /companies/{id}/attachments}), so no path of the
   * document can be read as another; the URLs clients call stay the same.
   */
  private static Paths literalOwners(Paths paths) {
    Paths result = new Paths();
    new TreeMap<>(paths)
        .forEach(
            (path, item) -> {
              Parameter owner = enumeratedFirstSegment(path, item);
              if (owner == null) {
                result.addPathItem(path, item);
                return;
              }
              String next = nextParameter(path);
              for (Object value : owner.getSchema().getEnum()) {
                String literal =
                    path.replace("{" + owner.getName() + "}", value.toString())
                        .replace("{" + next + "}", "{id}");
                PathItem copy = Json.mapper().convertValue(item, PathItem.class);
                copy.readOperations()
                    .forEach(op -> literalOwner(op, owner.getName(), next, value.toString()));
                result.addPathItem(literal, copy);
              }
            });
    return result;
  }

  private static Parameter enumeratedFirstSegment(String path, PathItem item) {
    if (!path.matches("/\\{\\w+}/.*")) {
      return null;
    }
    String name = path.substring(2, path.indexOf('}'));
    return item.readOperations().stream()
        .flatMap(op -> op.getParameters() == null ? Stream.empty() : op.getParameters().stream())
        .filter(p -> p.getName().equals(name) && "path".equals(p.getIn()))
        .filter(p -> p.getSchema() != null && p.getSchema().getEnum() != null)
        .findFirst()
        .orElse(null);
  }

  private static String nextParameter(String path) {
    String rest = path.substring(path.indexOf('}') + 1);
    int open = rest.indexOf('{');
    return open < 0 ? "" : rest.substring(open + 1, rest.indexOf('}', open));
  }

  private static void literalOwner(Operation op, String owner, String id, String value) {
    op.getParameters().removeIf(p -> p.getName().equals(owner) && "path".equals(p.getIn()));
    op.getParameters().stream().filter(p -> p.getName().equals(id)).forEach(p -> p.name("id"));
    String singular =
        value.endsWith("ies") ? value.replaceAll("ies$", "y") : value.replaceAll("s$", "");
    String capital = Character.toUpperCase(singular.charAt(0)) + singular.substring(1);
    op.operationId(op.getOperationId() + "Of" + capital);
  }

  private static void complete(String path, PathItem.HttpMethod verb, Operation op) {
    if (op.getParameters() != null) {
      op.getParameters().forEach(OpenApiContract::typeNumbers);
    }
    ApiResponses responses = op.getResponses() == null ? new ApiResponses() : op.getResponses();
    op.responses(responses);
    ApiResponse fallback = responses.remove("default");
    if (fallback != null && responses.keySet().stream().noneMatch(c -> c.startsWith("2"))) {
      responses.addApiResponse("200", fallback.description("OK"));
    }
    ApiResponse noContent = responses.get("204");
    if (noContent != null) {
      noContent.content(null);
    }
    if (op.getSecurity() == null) {
      op.security(List.of(new SecurityRequirement().addList(BEARER)));
    }
    boolean secured = !op.getSecurity().isEmpty();
    boolean input = op.getRequestBody() != null || op.getParameters() != null;
    if (input) {
      error(responses, "400", "The request is not valid: the problem lists each field");
    }
    if (secured) {
      error(responses, "401", "No valid bearer token");
      error(responses, "403", "The caller's roles do not allow this");
    }
    if (path.contains("{")) {
      error(responses, "404", "No such record, or not one the caller may see");
    }
    if (versioned(op)) {
      error(responses, "409", "The version sent is not the current one: read the record again");
    } else if (verb != PathItem.HttpMethod.GET && verb != PathItem.HttpMethod.HEAD) {
      // every change can meet the stored state: a duplicate, a record changed meanwhile, a step
      // that is not allowed now (the problem's type says which)
      error(
          responses,
          "409",
          "The change conflicts with the record's current state; the problem's type ends with"
              + " the conflict's code (docs/api.md lists them)");
    }
    error(responses, "406", "The Accept header excludes what this operation answers");
    if (op.getRequestBody() != null) {
      error(responses, "413", "The body is larger than the server accepts");
      error(responses, "415", "The body is not of a media type this operation accepts");
    }
    if (!path.endsWith("/openapi.json")) {
      unavailable(responses);
    }
    // whatever else the server answers (a 405 or 414 from the HTTP layer, a 500) is a problem too
    responses.addApiResponse(
        "default", new ApiResponse().description("Any other error").content(problemContent()));
    // an error the resource declared without a body answers problem+json like every other
    responses.forEach(
        (code, response) -> {
          if (code.matches("[45]\\d\\d") && response.getContent() == null) {
            response.content(problemContent());
          }
        });
    sort(op);
  }

  private static boolean versioned(Operation op) {
    return op.getParameters() != null
        && op.getParameters().stream()
            .anyMatch(p -> p.getName().equals("If-Match") || p.getName().equals("version"));
  }

  /**
   * The server writes null for a property without a value, so every property is nullable unless the
   * record says it is required; a null enum value is listed as 3.0 asks, and a reference becomes an
   * allOf of one (3.0 ignores the siblings of a $ref).
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void nullableProperties(Schema<?> schema) {
    if (schema.getProperties() == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    Map<String, Schema> properties = (Map) schema.getProperties();
    properties.replaceAll(
        (name, property) -> {
          if (required.contains(name)) {
            return property;
          }
          if (property.get$ref() != null) {
            return nullableReference(property);
          }
          // composed properties have no type of their own
          if (property.getType() != null && NULLABLE_TYPES.contains(property.getType())) {
            property.setNullable(true);
            List values = property.getEnum();
            if (values != null && !values.contains(null)) {
              values.add(null);
            }
          }
          return property;
        });
  }

  /**
   * A reference or null. Validators disagree on {@code nullable} beside an allOf (its referenced
   * schema still refuses null), so null is a second alternative, in 3.0's own spelling.
   */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema<?> nullableReference(Schema<?> reference) {
    Schema onlyNull = new ObjectSchema();
    onlyNull.setNullable(true);
    onlyNull.setEnum(new ArrayList<>(Collections.singletonList(null)));
    Schema<?> either =
        new ComposedSchema()
            .addAnyOfItem(new Schema<>().$ref(reference.get$ref()))
            .addAnyOfItem(onlyNull);
    either.setDescription(reference.getDescription());
    return either;
  }

  /** Paging parameters, versions and ids are integers, whatever Java type the resource reads. */
  private static void typeNumbers(Parameter parameter) {
    String name = parameter.getName();
    if (INTEGER_PARAMETERS.contains(name) && parameter.getSchema() instanceof StringSchema) {
      Schema<?> number = new IntegerSchema();
      if (!name.equals("page") && !name.equals("size") && !name.equals("max")) {
        number.format("int64");
      }
      if (name.equals("page")) {
        number.minimum(java.math.BigDecimal.ZERO);
      }
      parameter.schema(number);
    }
  }

  /** The database out of reach (the health check declares its own 503). */
  private static void unavailable(ApiResponses responses) {
    if (!responses.containsKey("503")) {
      responses.addApiResponse(
          "503",
          new ApiResponse()
              .description(
                  "The database is out of reach for a moment (problem type unavailable): send the"
                      + " request again after Retry-After seconds")
              .addHeaderObject(
                  "Retry-After",
                  new Header()
                      .description("Seconds to wait before sending the request again")
                      .schema(new IntegerSchema()))
              .content(problemContent()));
    }
  }

  private static void error(ApiResponses responses, String code, String description) {
    if (!responses.containsKey(code)) {
      responses.addApiResponse(
          code, new ApiResponse().description(description).content(problemContent()));
    }
  }

  private static void sort(Operation op) {
    ApiResponses sorted = new ApiResponses();
    new TreeMap<>(op.getResponses()).forEach(sorted::addApiResponse);
    op.responses(sorted);
  }

  private static Content problemContent() {
    return new Content()
        .addMediaType(
            ProblemTypes.MEDIA_TYPE,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
  }

  /** RFC 9457 problem details as ProblemMapper writes them. */
  private static Schema<?> problem() {
    return new ObjectSchema()
        .description("An error (RFC 9457 problem details)")
        .addRequiredItem("type")
        .addRequiredItem("title")
        .addRequiredItem("status")
        .addProperty(
            "type",
            new StringSchema()
                .description("Stable problem code, e.g. " + ProblemTypes.uri("validation")))
        .addProperty("title", new StringSchema().description("The HTTP status's reason phrase"))
        .addProperty("status", new IntegerSchema().description("The HTTP status"))
        .addProperty("detail", new StringSchema().description("What went wrong, for people"))
        .addProperty(
            "errors",
            new ArraySchema()
                .items(new Schema<>().$ref("#/components/schemas/ProblemField"))
                .description("Each offending input field, when the problem is about fields"))
        .addProperty(
            "incident",
            new StringSchema().description("Id of an unexpected failure, as written in the log"));
  }

  private static Schema<?> problemField() {
    return new ObjectSchema()
        .addRequiredItem("field")
        .addRequiredItem("message")
        .addProperty(
            "field", new StringSchema().description("Path of the field, e.g. lines/3/validTo"))
        .addProperty("message", new StringSchema());
  }
}
