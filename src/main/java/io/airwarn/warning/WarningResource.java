package io.airwarn.warning;

import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.platform.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/warnings")
@Produces(MediaType.APPLICATION_JSON)
public class WarningResource {

    static final int MAX_DAYS = 31;

    /** The reply of evaluate: the level, and the run that set it. */
    public record EvaluationView(String level, String onset, int days, String reason) {
    }

    private final CriteriaConfig criteria;

    public WarningResource(CriteriaConfig criteria) {
        this.criteria = criteria;
    }

    @POST
    @Path("/evaluate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The warning level a forecast series supports", description = """
            Body {"criteria": "mee-2019" (default) or "mee-2017", "days": [{"date": "YYYY-MM-DD", "aqi": int}, ...]},
            days consecutive, the first being the day after issue. Returns {"level", "onset", "days", "reason"}:
            onset and days describe the run of days above 200 that set the level (null and 0 for NONE).""")
    public EvaluationView evaluate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_request", "the body must be a JSON object with criteria and days");
        }
        JsonNode name = body.get("criteria");
        if (name != null && !name.isNull() && !name.isTextual()) {
            throw ApiException.badRequest("invalid_request", "criteria must be a string, one of " + criteria.ids());
        }
        String id = name == null || name.isNull() ? criteria.defaultSet() : name.asText();
        CriteriaSet set = criteria.set(id).orElseThrow(() -> ApiException.badRequest("unknown_criteria",
                "criteria " + id + " is not known; use one of " + criteria.ids()));
        CriteriaResult result = WarningCriteria.evaluate(set, days(body.get("days")), null);
        return new EvaluationView(result.level().name(), result.onset() == null ? null : result.onset().toString(),
                result.days(), result.reason());
    }

    private static List<ForecastDay> days(JsonNode node) {
        if (node == null || !node.isArray() || node.isEmpty()) {
            throw ApiException.badRequest("invalid_request", "days must be a non-empty array of {date, aqi}");
        }
        if (node.size() > MAX_DAYS) {
            throw ApiException.badRequest("invalid_request", "days may hold at most " + MAX_DAYS + " days");
        }
        List<ForecastDay> days = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode day = node.get(i);
            String at = "days[" + i + "]";
            if (!day.isObject()) {
                throw ApiException.badRequest("invalid_request", at + " must be an object {date, aqi}");
            }
            JsonNode date = day.get("date");
            JsonNode aqi = day.get("aqi");
            LocalDate d;
            try {
                d = LocalDate.parse(date == null || !date.isTextual() ? "" : date.asText());
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("invalid_date", at + ".date must be a date YYYY-MM-DD");
            }
            if (aqi == null || !aqi.isNumber() || aqi.asDouble() != Math.rint(aqi.asDouble())) {
                throw ApiException.badRequest("invalid_aqi", at + ".aqi must be a whole number");
            }
            if (aqi.asLong() < 0) {
                throw ApiException.badRequest("invalid_aqi", at + ".aqi must not be negative: " + aqi.asLong());
            }
            if (!days.isEmpty() && !d.equals(days.get(days.size() - 1).date().plusDays(1))) {
                throw ApiException.badRequest("invalid_dates", at + ".date " + d + " does not follow "
                        + days.get(days.size() - 1).date() + ": days must be consecutive, without gaps");
            }
            days.add(ForecastDay.of(d, (int) Math.min(Integer.MAX_VALUE, aqi.asLong())));
        }
        return days;
    }
}
