package io.airwarn.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.airwarn.core.ApiException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.VertxException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.ConnectException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into the stable JSON error shape; users never see a stack trace. */
class ErrorMappers {

    @ServerExceptionMapper
    Response apiException(ApiException e) {
        return respond(e.status(), e.code(), e.getMessage(), e.details());
    }

    @ServerExceptionMapper
    Response invalidJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            where += " (field " + mapping.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : "[" + r.getIndex() + "]").collect(Collectors.joining(".")) + ")";
        }
        return respond(400, "invalid_json", "The request body is not valid JSON" + where + ": " + e.getOriginalMessage(),
                List.of());
    }

    /** Wrong types and values in a body; more specific than Quarkus's own mapper, which answers without our shape. */
    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e) {
        return invalidJson(e);
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException invalid) {
            return invalidJson(invalid);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String code = e.getResponse().getStatusInfo().getReasonPhrase().toLowerCase(Locale.ROOT).replace(' ', '_');
        return respond(status, code, e.getMessage(), List.of());
    }

    /** The API asks for HTTP Basic; a failed console sign-in goes back to the sign-in page. */
    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    Response unauthorized(RuntimeException e, HttpServerRequest request) {
        String path = request.path();
        if (path.equals("/j_security_check") || path.startsWith("/console") || path.startsWith("/portal")) {
            return Response.status(302).location(URI.create(path.equals("/j_security_check") ? "/login?error=true"
                    : "/login")).build();
        }
        return Response.status(401).type(MediaType.APPLICATION_JSON_TYPE)
                .header("WWW-Authenticate", "Basic realm=\"AirWarn\"")
                .entity(new ErrorResponse("unauthorized", "Sign in first (HTTP Basic with an AirWarn user)", List.of()))
                .build();
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return respond(403, "forbidden", "Your roles do not allow this", List.of());
    }

    /**
     * A form body the framework's form reader cannot parse (a broken percent escape, a bare "="): the request's fault,
     * not ours.
     */
    @ServerExceptionMapper
    Response runtime(RuntimeException e) {
        if (Arrays.stream(e.getStackTrace()).anyMatch(f -> f.getClassName().contains("FormUrlEncodedProvider"))) {
            return respond(400, "invalid_form", "The form is not valid URL encoding (name=value pairs joined by &, "
                    + "with % followed by two hex digits)", List.of());
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e) {
        String refused = dataException(e);
        if (refused != null) {
            Log.infof("value refused by the database: %s", refused);
            return respond(400, "invalid_value", "A value cannot be stored: " + refused, List.of());
        }
        if (isDatabaseUnavailable(e)) {
            Log.warnf("database unavailable: %s", e.toString());
            return respond(503, "database_unavailable",
                    "The database cannot be reached; try again shortly. Nothing was changed by this request.", List.of());
        }
        String reference = UUID.randomUUID().toString();
        Log.errorf(e, "unexpected error, reference %s", reference);
        return respond(500, "internal_error", "An unexpected error occurred; reference " + reference, List.of());
    }

    /**
     * PostgreSQL's "data exception" class (22xxx: out-of-range times and numbers, NUL in text): a value this
     * request carried, which the rules before the database missed. Nothing was stored (the transaction failed).
     */
    static String dataException(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null && pg.getSqlState().startsWith("22")) {
                return pg.getErrorMessage();
            }
        }
        return null;
    }

    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedConnectionException
                    || (t instanceof VertxException && String.valueOf(t.getMessage()).contains("Connection refused"))) {
                return true;
            }
        }
        return false;
    }

    private static Response respond(int status, String code, String message, List<?> details) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message, details)).build();
    }
}
