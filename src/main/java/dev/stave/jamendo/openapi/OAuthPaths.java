package dev.stave.jamendo.openapi;

import dev.stave.access.oauth.AuthorizationServerConfiguration;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;

/**
 * The OAuth2 side of the Jamendo description (spec §10): {@code GET /v3.0/oauth/authorize}, {@code
 * POST /v3.0/oauth/grant} with their bodies, answers and errors, and the security schemes that say
 * how a token is obtained and sent (and how the grant authenticates the client).
 */
final class OAuthPaths {
  static final String OAUTH = "jamendo_oauth";
  static final String ACCESS_TOKEN = "access_token";
  static final String BEARER = "bearer";
  static final String CLIENT_BASIC = "client_basic";
  static final String SCOPE = "music";
  static final String FORM = "application/x-www-form-urlencoded";
  static final String MULTIPART = "multipart/form-data";
  private static final String TOKEN = "OAuthToken";
  private static final String OAUTH_ERROR = "OAuthError";

  private OAuthPaths() {}

  /** The security schemes of tokens and of the grant's client authentication. */
  static void securitySchemes(Components components) {
    components.addSecuritySchemes(
        OAUTH,
        new SecurityScheme()
            .type(SecurityScheme.Type.OAUTH2)
            .description(
                "Jamendo's OAuth2 authorization-code flow: the token's user must grant the"
                    + " application the scope music. The token is then sent as the access_token"
                    + " parameter (what Jamendo clients do) or as an Authorization: Bearer header.")
            .flows(
                new OAuthFlows()
                    .authorizationCode(
                        new OAuthFlow()
                            .authorizationUrl(AuthorizationServerConfiguration.AUTHORIZE)
                            .tokenUrl(AuthorizationServerConfiguration.GRANT)
                            .refreshUrl(AuthorizationServerConfiguration.GRANT)
                            .scopes(
                                new Scopes()
                                    .addString(
                                        SCOPE,
                                        "Read and write the user's music relations (fan, my"
                                            + " albums, favorites, likes, dislikes)")))));
    components.addSecuritySchemes(
        ACCESS_TOKEN,
        new SecurityScheme()
            .type(SecurityScheme.Type.APIKEY)
            .in(SecurityScheme.In.QUERY)
            .name(ACCESS_TOKEN)
            .description(
                "A user's OAuth2 access token as a parameter (query string or form body), as"
                    + " Jamendo clients send it."));
    components.addSecuritySchemes(
        BEARER,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("bearer")
            .description("A user's OAuth2 access token as an Authorization: Bearer header."));
    components.addSecuritySchemes(
        CLIENT_BASIC,
        new SecurityScheme()
            .type(SecurityScheme.Type.HTTP)
            .scheme("basic")
            .description(
                "client_id and client_secret as HTTP Basic credentials (or, instead, both in"
                    + " the grant's body)."));
    components.addSchemas(TOKEN, tokenSchema());
    components.addSchemas(OAUTH_ERROR, oauthErrorSchema());
  }

  /** {@code GET /v3.0/oauth/authorize} and {@code POST /v3.0/oauth/grant}. */
  static void oauth(Paths paths) {
    paths.addPathItem(AuthorizationServerConfiguration.AUTHORIZE, new PathItem().get(authorize()));
    paths.addPathItem(AuthorizationServerConfiguration.GRANT, new PathItem().post(grant()));
  }

  private static Operation authorize() {
    return new Operation()
        .operationId("oauth_authorize")
        .addTagsItem("oauth")
        .summary("Ask the user to grant the application access (opened in the user's browser)")
        .description(
            "Spec §10.3. Sends a user who is not logged in to the login page, then to the consent"
                + " page, then back to the application's redirect URI with `code` (valid 30"
                + " seconds, once) and `state`. `client_id` is the application's.")
        .parameters(
            List.of(
                new QueryParameter()
                    .name("redirect_uri")
                    .description(
                        "Where to send the user back: a registered redirect URI or an extension"
                            + " of one on the same host; no fragment. Defaults to the registered"
                            + " one.")
                    .schema(new StringSchema().format("uri")),
                new QueryParameter()
                    .name("scope")
                    .description("The only scope.")
                    .schema(new StringSchema()._enum(List.of(SCOPE))._default(SCOPE)),
                new QueryParameter()
                    .name("response_type")
                    .description("The only response type.")
                    .schema(new StringSchema()._enum(List.of("code"))._default("code")),
                new QueryParameter()
                    .name("state")
                    .description("Echoed back on the redirect (CSRF protection).")
                    .schema(new StringSchema())))
        .responses(
            new ApiResponses()
                .addApiResponse(
                    "302",
                    new ApiResponse()
                        .description(
                            "To the login or consent page; then to redirect_uri?code=…&state=…,"
                                + " or redirect_uri?error=…&error_description=…&state=… (e.g."
                                + " access_denied, invalid_scope, unsupported_response_type).")
                        .addHeaderObject(
                            "Location", new Header().schema(new StringSchema().format("uri"))))
                .addApiResponse(
                    "400",
                    oauthError(
                        "An unknown client id (invalid_client) or a redirect URI that does not"
                            + " match (redirect_uri_mismatch), answered here since there is"
                            + " nowhere safe to redirect to.")));
  }

  private static Operation grant() {
    Schema<?> form = new ObjectSchema();
    form.addProperty(
            "grant_type", new StringSchema()._enum(List.of("authorization_code", "refresh_token")))
        .addProperty(
            "client_id", new StringSchema().description("Unless sent as HTTP Basic credentials."))
        .addProperty(
            "client_secret",
            new StringSchema().description("Unless sent as HTTP Basic credentials."))
        .addProperty(
            "code",
            new StringSchema()
                .description("authorization_code: the code, within 30 seconds of receiving it"))
        .addProperty(
            "redirect_uri",
            new StringSchema()
                .description("authorization_code: required, and identical, if authorize had one"))
        .addProperty(
            "refresh_token",
            new StringSchema()
                .description("refresh_token: the last refresh token (each is used once)"));
    form.setRequired(List.of("grant_type"));
    return new Operation()
        .operationId("oauth_grant")
        .addTagsItem("oauth")
        .summary("Exchange an authorization code or a refresh token for tokens")
        .description(
            "Spec §10.4–§10.5. The client authenticates with client_id and client_secret in the"
                + " body or as HTTP Basic credentials. Every grant returns a new access token"
                + " (7,200 seconds) and a new refresh token; the old refresh token stops working."
                + " The answer is bare OAuth2 JSON, not the Jamendo envelope.")
        .requestBody(
            new RequestBody()
                .required(true)
                .content(
                    new Content()
                        .addMediaType(FORM, new MediaType().schema(form))
                        .addMediaType(MULTIPART, new MediaType().schema(form))))
        .security(
            List.of(
                new SecurityRequirement().addList(CLIENT_BASIC),
                // client credentials in the body: no scheme
                new SecurityRequirement()))
        .responses(
            new ApiResponses()
                .addApiResponse(
                    "200",
                    new ApiResponse()
                        .description("The tokens: exactly these five fields.")
                        .content(
                            new Content()
                                .addMediaType(
                                    "application/json",
                                    new MediaType().schema(new Schema<>().$ref(ref(TOKEN))))))
                .addApiResponse(
                    "400",
                    oauthError(
                        "invalid_request, invalid_grant (unknown, expired or used code or"
                            + " refresh token), unauthorized_client or unsupported_grant_type."))
                .addApiResponse(
                    "401",
                    oauthError(
                        "invalid_client: missing or wrong client credentials, or a suspended"
                            + " application.")));
  }

  private static ApiResponse oauthError(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/json",
                    new MediaType().schema(new Schema<>().$ref(ref(OAUTH_ERROR)))));
  }

  private static Schema<?> tokenSchema() {
    ObjectSchema s = new ObjectSchema();
    s.description("A grant's answer (spec §10.4); Java clients reject any other field.")
        .addProperty("access_token", new StringSchema())
        .addProperty("expires_in", new IntegerSchema().example(7200))
        .addProperty("token_type", new StringSchema()._enum(List.of("bearer")))
        .addProperty("scope", new StringSchema()._enum(List.of(SCOPE)))
        .addProperty("refresh_token", new StringSchema());
    s.setRequired(List.of("access_token", "expires_in", "token_type", "scope", "refresh_token"));
    s.setAdditionalProperties(false);
    return s;
  }

  private static Schema<?> oauthErrorSchema() {
    ObjectSchema s = new ObjectSchema();
    s.description("An OAuth error (spec §10.3–§10.4).")
        .addProperty(
            "error",
            new StringSchema()
                ._enum(
                    List.of(
                        "invalid_client",
                        "invalid_request",
                        "invalid_grant",
                        "unauthorized_client",
                        "unsupported_grant_type",
                        "redirect_uri_mismatch",
                        "invalid_scope",
                        "unsupported_response_type",
                        "server_error")))
        .addProperty("error_description", new StringSchema());
    s.setRequired(List.of("error", "error_description"));
    return s;
  }

  private static String ref(String schema) {
    return "#/components/schemas/" + schema;
  }
}
