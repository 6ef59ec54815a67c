package dev.stave.jamendo.openapi;

import dev.stave.jamendo.api.JamendoWriteMethod;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The {@code setuser/*} write methods in the Jamendo description (spec §9): one {@code POST} each,
 * parameters in the query string or an urlencoded or multipart body, and a user's access token (the
 * schemes of {@link OAuthPaths}).
 */
final class WritePaths {
  private static final Map<String, String> ACTIONS =
      Map.of(
          "fan", "Make the token's user a fan of an artist (seen in users/artists)",
          "myalbum", "Add an album to the token's user's albums (seen in users/albums)",
          "favorite", "Add a track to the token's user's favorites (seen in users/tracks)",
          "like", "Record that the token's user likes a track (replaces a dislike)",
          "dislike", "Record that the token's user dislikes a track (replaces a like)");

  private WritePaths() {}

  /** One POST path per write method, in path order. */
  static void writes(
      Paths paths,
      List<JamendoWriteMethod> writes,
      JamendoParameterCatalogue catalogue,
      Schema<?> headers) {
    writes.stream()
        .sorted(Comparator.comparing(JamendoWriteMethod::path))
        .forEach(
            w ->
                paths.addPathItem(
                    "/v3.0/" + w.path(), new PathItem().post(write(w, catalogue, headers))));
  }

  private static Operation write(
      JamendoWriteMethod w, JamendoParameterCatalogue catalogue, Schema<?> headers) {
    String action = w.path().substring(w.path().indexOf('/') + 1);
    boolean undo = !ACTIONS.containsKey(action);
    String base = undo ? action.substring(2) : action;
    String summary =
        undo
            ? "Undo setuser/" + base + " (a Stave extension; Jamendo has no undo)"
            : ACTIONS.get(base);
    String target =
        w.parameters().stream()
            .filter(p -> p.endsWith("_id") && !"client_id".equals(p))
            .findFirst()
            .orElseThrow();
    List<String> names =
        w.parameters().stream()
            .sorted(
                Comparator.comparing((String p) -> !p.equals(target))
                    .thenComparing(Comparator.naturalOrder()))
            .toList();
    List<Parameter> query = new ArrayList<>();
    ObjectSchema form = new ObjectSchema();
    for (String name : names) {
      ParamDoc doc = JamendoOpenApi.paramDoc(w.path(), name, catalogue);
      form.addProperty(name, JamendoOpenApi.schema(doc).description(doc.description()));
      if (!"client_id".equals(name) && !OAuthPaths.ACCESS_TOKEN.equals(name)) {
        query.add(
            new QueryParameter()
                .name(name)
                .required(false)
                .description(doc.description())
                .schema(JamendoOpenApi.schema(doc)));
      }
    }
    return new Operation()
        .operationId(w.path().replace('/', '_'))
        .addTagsItem("setuser")
        .summary(summary)
        .description(
            "`POST /v3.0/"
                + w.path()
                + "` (a trailing slash is accepted). Requires `client_id`, `access_token` and `"
                + target
                + "`, each in the query string or in the body (urlencoded or multipart; the"
                + " two are merged), the token also as an `Authorization: Bearer` header. The"
                + " token must carry the scope `music` and the application be on the read-write"
                + " plan. Idempotent; an id that is not in the catalog is stored and never shown"
                + " (spec §9.1). Unknown parameters are ignored with a warning.")
        .parameters(query)
        .requestBody(
            new RequestBody()
                .required(false)
                .description("The parameters as a form, instead of (or beside) the query string.")
                .content(
                    new Content()
                        .addMediaType(OAuthPaths.FORM, new MediaType().schema(form))
                        .addMediaType(OAuthPaths.MULTIPART, new MediaType().schema(form))))
        .security(
            List.of(
                new SecurityRequirement()
                    .addList(JamendoOpenApi.CLIENT_ID)
                    .addList(OAuthPaths.ACCESS_TOKEN),
                new SecurityRequirement()
                    .addList(JamendoOpenApi.CLIENT_ID)
                    .addList(OAuthPaths.BEARER),
                new SecurityRequirement()
                    .addList(JamendoOpenApi.CLIENT_ID)
                    .addList(OAuthPaths.OAUTH, List.of(OAuthPaths.SCOPE))))
        .responses(
            new ApiResponses()
                .addApiResponse(
                    "200",
                    new ApiResponse()
                        .description(
                            "The envelope with results []: code 0 on success; 2 for another"
                                + " verb than POST, 3 for a non-integer id, 4 for a missing"
                                + " access_token or id, 5 for an unknown client id, 11 for a"
                                + " suspended application, 12 for an unknown, expired, revoked"
                                + " or another application's token, 13 for a token without the"
                                + " scope music or an application on the read-only plan.")
                        .content(
                            new Content()
                                .addMediaType(
                                    "application/json",
                                    new MediaType()
                                        .schema(
                                            new ObjectSchema()
                                                .addProperty("headers", headers)
                                                .addProperty(
                                                    "results",
                                                    new ArraySchema()
                                                        .items(new ObjectSchema())
                                                        .maxItems(0))))
                                .addMediaType(
                                    "application/xml",
                                    new MediaType().schema(new StringSchema())))));
  }
}
