package io.airwarn.aqi;

import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.core.ApiException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/aqi")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AqiResource {

    private static final Set<String> FIELDS = Set.of("standard", "concentrations");

    private final AqiStandards standards;

    public AqiResource(AqiStandards standards) {
        this.standards = standards;
    }

    @POST
    @Path("/calculate")
    @Operation(summary = "AQI of a set of concentrations (HJ 633)", description = """
            Body: {"standard": "HJ633-2012" (optional), "concentrations": {KEY: number}} with KEY among SO2_24H,
            SO2_1H, NO2_24H, NO2_1H, PM10_24H, CO_24H, CO_1H, O3_1H, O3_8H, PM2_5_24H; μg/m³, CO in mg/m³.
            Sub-indices are interpolated and rounded up; AQI is their maximum. SO2_1H above 800 is not used
            (SO2_24H stands instead), O3_8H above 800 is not used (O3_1H stands instead); both are listed in
            notUsed. Primary pollutants are named only when AQI > 50; exceeding pollutants have IAQI > 100.""")
    public AqiCalculationView calculate(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.badRequest("invalid_request", "The body must be a JSON object with concentrations");
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) {
                throw ApiException.badRequest("invalid_request", "unknown field " + name
                        + "; the body has standard and concentrations");
            }
        }
        BreakpointTable table = table(body.get("standard"));
        Map<AqiItem, BigDecimal> concentrations = concentrations(body.get("concentrations"));
        AqiResult result = AqiCalculator.calculate(table, concentrations).orElseThrow(() -> {
            AqiItem item = concentrations.keySet().iterator().next();
            BreakpointTable.Column column = table.column(item);
            return ApiException.badRequest("no_sub_index", "concentrations." + item + " is above "
                    + column.top().toPlainString() + ", where " + table.id() + " does not use it; supply "
                    + column.aboveTopUse() + " as well");
        });
        return AqiCalculationView.of(result, table.id());
    }

    private BreakpointTable table(JsonNode standard) {
        if (standard == null || standard.isNull()) {
            return standards.defaultTable();
        }
        if (!standard.isTextual()) {
            throw ApiException.badRequest("invalid_field", "standard must be a string, one of " + standards.ids());
        }
        return standards.find(standard.asText()).orElseThrow(() -> ApiException.badRequest("unknown_standard",
                "standard " + standard.asText() + " is not known; use one of " + standards.ids()));
    }

    private static Map<AqiItem, BigDecimal> concentrations(JsonNode node) {
        if (node == null || node.isNull()) {
            throw ApiException.badRequest("missing_field", "concentrations is required");
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("invalid_field", "concentrations must be an object of KEY: number");
        }
        if (node.isEmpty()) {
            throw ApiException.badRequest("invalid_field", "concentrations is empty; give at least one of "
                    + Arrays.toString(AqiItem.values()));
        }
        Map<AqiItem, BigDecimal> values = new EnumMap<>(AqiItem.class);
        List<String> problems = new ArrayList<>();
        node.fields().forEachRemaining(field -> {
            String where = "concentrations." + field.getKey();
            AqiItem item = AqiItem.fromKey(field.getKey());
            JsonNode value = field.getValue();
            if (item == null) {
                problems.add(where + " is not a known key; use one of " + Arrays.toString(AqiItem.values()));
            } else if (value.isNull()) {
                problems.add(where + " is missing (null)");
            } else if (!value.isNumber() || !Double.isFinite(value.asDouble())) {
                problems.add(where + " must be a number, not " + value);
            } else if (value.decimalValue().signum() < 0) {
                problems.add(where + " must not be negative: " + value);
            } else {
                values.put(item, value.decimalValue());
            }
        });
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("invalid_concentration", String.join("; ", problems), problems);
        }
        return values;
    }
}
