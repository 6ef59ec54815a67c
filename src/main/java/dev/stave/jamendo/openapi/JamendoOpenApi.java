package dev.stave.jamendo.openapi;

import dev.stave.jamendo.api.FileMethod;
import dev.stave.jamendo.api.JamendoCode;
import dev.stave.jamendo.api.JamendoMethod;
import dev.stave.jamendo.api.JamendoWriteMethod;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the Jamendo dialect, group {@value #GROUP} ({@code
 * /v3/api-docs/jamendo}, browsable at {@code /docs}).
 *
 * <p>One dispatcher serves every method, so its mapping is hidden and the paths are generated from
 * the registered {@link JamendoMethod} beans: one {@code GET /v3.0/<path>} per method, each of its
 * {@link JamendoMethod#parameters()} described by the {@link JamendoParameterCatalogue}, the
 * response envelope (or, for the file methods, the redirect and the 404) and the error codes; then
 * the {@code setuser/*} write methods and the OAuth2 endpoints ({@link WritePaths}, {@link
 * OAuthPaths}). The client id is an API key in the query, so Swagger UI's "Authorize" fills it in
 * every call.
 */
@Configuration
public class JamendoOpenApi {
  public static final String GROUP = "jamendo";
  static final String CLIENT_ID = "client_id";
  private static final String HEADERS = "JamendoHeaders";
  private static final String REF = "#/components/schemas/";

  @Bean
  public GroupedOpenApi jamendoApi(List<JamendoMethod> methods, List<JamendoWriteMethod> writes) {
    JamendoParameterCatalogue catalogue = new JamendoParameterCatalogue();
    return GroupedOpenApi.builder()
        .group(GROUP)
        .displayName("Jamendo API v3.0")
        .pathsToMatch("/v3.0/**")
        .addOpenApiCustomizer(api -> describe(api, methods, writes, catalogue))
        .build();
  }

  static void describe(
      OpenAPI api,
      List<JamendoMethod> methods,
      List<JamendoWriteMethod> writes,
      JamendoParameterCatalogue catalogue) {
    api.info(
        new Info()
            .title("Stave — Jamendo API v3.0 dialect")
            .version("v3.0")
            .description(INTRO + codesTable()));
    Components components = api.getComponents() == null ? new Components() : api.getComponents();
    components.addSchemas(HEADERS, headersSchema());
    components.addSecuritySchemes(
        CLIENT_ID,
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.QUERY)
            .name(CLIENT_ID)
            .description("Every method needs the client id of a registered application."));
    OAuthPaths.securitySchemes(components);
    api.components(components);
    api.addSecurityItem(new SecurityRequirement().addList(CLIENT_ID));
    Paths paths = new Paths();
    TreeSet<String> entities = new TreeSet<>();
    methods.stream()
        .sorted(Comparator.comparing(JamendoMethod::path))
        .forEach(
            m -> {
              entities.add(entity(m.path()));
              paths.addPathItem("/v3.0/" + m.path(), new PathItem().get(operation(m, catalogue)));
            });
    WritePaths.writes(paths, writes, catalogue, new Schema<>().$ref(REF + HEADERS));
    OAuthPaths.oauth(paths);
    entities.add("setuser");
    entities.add("oauth");
    api.paths(paths);
    api.tags(entities.stream().map(e -> new Tag().name(e)).toList());
  }

  private static String entity(String path) {
    return path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
  }

  private static Operation operation(JamendoMethod m, JamendoParameterCatalogue catalogue) {
    MethodDoc doc = MethodDoc.forPath(m.path());
    StringBuilder description = new StringBuilder();
    description.append("`GET /v3.0/").append(m.path()).append("` (a trailing slash is accepted).");
    if (!doc.oneOf().isEmpty()) {
      description
          .append(" Requires at least one of ")
          .append(doc.oneOf().stream().map(p -> "`" + p + "`").collect(Collectors.joining(", ")))
          .append(" (code 4 otherwise).");
    }
    if (m instanceof FileMethod) {
      description.append(
          " Does not inherit the parent method's parameters. A malformed or missing parameter is"
              + " answered with the error envelope (Jamendo itself answers HTTP 500).");
    }
    description.append(" Unknown parameters are ignored with a warning.");
    List<Parameter> parameters = new ArrayList<>();
    m.parameters().stream()
        .filter(p -> !CLIENT_ID.equals(p))
        .sorted(
            Comparator.comparing((String p) -> !doc.required().contains(p))
                .thenComparing(Comparator.naturalOrder()))
        .forEach(p -> parameters.add(parameter(m.path(), p, doc, catalogue)));
    return new Operation()
        .operationId(m.path().replace('/', '_'))
        .addTagsItem(entity(m.path()))
        .summary(doc.summary())
        .description(description.toString())
        .parameters(parameters)
        .responses(m instanceof FileMethod ? fileResponses(m.itemName()) : envelopeResponses(m));
  }

  private static Parameter parameter(
      String path, String name, MethodDoc method, JamendoParameterCatalogue catalogue) {
    ParamDoc doc = paramDoc(path, name, catalogue);
    Parameter p =
        new QueryParameter()
            .name(name)
            .required(method.required().contains(name))
            .description(doc.description())
            .schema(schema(doc));
    if (doc.multi()) {
      p.style(Parameter.StyleEnum.SPACEDELIMITED).explode(false);
      p.description(doc.description() + " Several values are separated by spaces or '+'.");
    }
    return p;
  }

  /** How the catalogue describes {@code name} on the method at {@code path}. */
  static ParamDoc paramDoc(String path, String name, JamendoParameterCatalogue catalogue) {
    return catalogue
        .find(path, name)
        .orElse(ParamDoc.text("Not described yet (see the Jamendo documentation)."));
  }

  /** The schema of a parameter's value: an array of values when it takes several. */
  static Schema<?> schema(ParamDoc doc) {
    Schema<?> value =
        switch (doc.type()) {
          case "integer" -> new IntegerSchema().format("int64");
          case "boolean" -> new BooleanSchema();
          default -> {
            StringSchema s = new StringSchema();
            if (!doc.values().isEmpty()) {
              s.setEnum(doc.values());
            }
            yield s;
          }
        };
    if (!doc.multi()) {
      if (doc.defaultValue() != null) {
        value.setDefault(doc.defaultValue());
      }
      return value;
    }
    ArraySchema array = new ArraySchema();
    array.setItems(value);
    if (doc.defaultValue() != null) {
      array.setDefault(List.of(doc.defaultValue()));
    }
    return array;
  }

  private static ApiResponses envelopeResponses(JamendoMethod m) {
    Schema<?> item = new ObjectSchema().title(m.itemName());
    Schema<?> results =
        "autocomplete".equals(m.path())
            ? new ObjectSchema().description("Matches keyed by entity; [] when nothing matches.")
            : new ArraySchema().items(item).description("One " + m.itemName() + " per result.");
    Schema<?> envelope =
        new ObjectSchema()
            .addProperty("headers", new Schema<>().$ref(REF + HEADERS))
            .addProperty("results", results);
    return new ApiResponses()
        .addApiResponse(
            "200",
            new ApiResponse()
                .description(
                    "The response document. Errors come with HTTP 200 too: headers.status is"
                        + " 'failed', headers.code one of the codes listed above and results []."
                        + " format=jsonpretty pretty-prints, format=xml writes XML, callback wraps"
                        + " the JSON for JSONP.")
                .content(
                    new Content()
                        .addMediaType("application/json", new MediaType().schema(envelope))
                        .addMediaType(
                            "application/xml", new MediaType().schema(new StringSchema()))));
  }

  private static ApiResponses fileResponses(String itemName) {
    Schema<?> errorEnvelope =
        new ObjectSchema()
            .addProperty("headers", new Schema<>().$ref(REF + HEADERS))
            .addProperty("results", new ArraySchema().items(new ObjectSchema()).maxItems(0));
    return new ApiResponses()
        .addApiResponse(
            "302",
            new ApiResponse()
                .description("Redirect to the " + itemName + "'s file.")
                .addHeaderObject(
                    "Location",
                    new Header()
                        .description("URL of the file on this server")
                        .schema(new StringSchema().format("uri"))))
        .addApiResponse(
            "404",
            new ApiResponse()
                .description(
                    "No such "
                        + itemName
                        + ", or its file may not be downloaded; the reason is"
                        + " the plain-text body.")
                .content(
                    new Content()
                        .addMediaType("text/plain", new MediaType().schema(new StringSchema()))))
        .addApiResponse(
            "200",
            new ApiResponse()
                .description(
                    "A parameter error (code 3 for a malformed id, 4 for a missing one, 5 for an"
                        + " unknown client id, 11 for a suspended application) as the error"
                        + " envelope.")
                .content(
                    new Content()
                        .addMediaType("application/json", new MediaType().schema(errorEnvelope))));
  }

  private static Schema<?> headersSchema() {
    return new ObjectSchema()
        .description("The headers of every response document.")
        .addProperty("status", new StringSchema()._enum(List.of("success", "failed")))
        .addProperty("code", new IntegerSchema().description("0 on success; see the codes above"))
        .addProperty(
            "error_message",
            new StringSchema().description("'Jamendo Api <Type> Error: <detail>' or empty"))
        .addProperty("warnings", new StringSchema().description("Warnings, or empty"))
        .addProperty(
            "results_count", new IntegerSchema().description("Number of top-level results"))
        .addProperty(
            "results_fullcount",
            new IntegerSchema().description("Results ignoring offset and limit (fullcount=true)"));
  }

  private static final String INTRO =
      """
      The Jamendo API v3.0 as this server answers it. The read methods are `GET`s with their \
      parameters in the query string; several values of one parameter are separated by \
      spaces or `+`; booleans are `true`/`1`/`false`/`0`. `limit` defaults to 10 and is at most \
      200. The `setuser` write methods are `POST`s taking their parameters from the query \
      string or an urlencoded or multipart body, with a user's OAuth2 access token (scope \
      `music`) obtained through `oauth/authorize` and `oauth/grant`, which answer bare OAuth2 \
      JSON. Every request needs the `client_id` of a registered application \
      (`stave apps create`).

      Response codes (in `headers.code`, always with HTTP 200):

      | code | type |
      |---|---|
      """;

  private static String codesTable() {
    return Arrays.stream(JamendoCode.values())
        .map(c -> "| " + c.code() + " | " + c.type() + " |")
        .collect(Collectors.joining("\n"));
  }
}
