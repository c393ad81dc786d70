package io.airwarn.observation;

import com.fasterxml.jackson.databind.JsonNode;
import io.airwarn.city.Cities;
import io.airwarn.core.ApiException;
import io.airwarn.core.FreeText;
import io.airwarn.core.InvalidFileException;
import io.airwarn.core.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.RestQuery;

@Path("/api/observations")
@RolesAllowed({Roles.DUTY_OFFICER, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
public class ObservationResource {

    static final int MAX_SOURCE = 200;

    private final ObservationImportService importService;
    private final Cities cities;

    public ObservationResource(ObservationImportService importService, Cities cities) {
        this.importService = importService;
        this.cities = cities;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Store station-hour observations (JSON)", description = """
            A JSON array of {"city", "station", "time", "pm25", "pm10", "so2", "no2", "co", "o3", "temperature",
            "dewPoint", "humidity", "pressure", "windSpeed", "windDirection", "precipitation"}. time is ISO-8601;
            without an offset it is Beijing time (Asia/Shanghai). μg/m³, CO in mg/m³, °C, %, hPa, m/s, mm; null or
            absent means missing. Items with impossible values are skipped and listed by index; a station-hour
            sent again replaces the stored one. City AQI is recomputed in the same transaction.""")
    public Uni<ImportReport> importJson(JsonNode body) {
        ObservationJsonReader.Result read;
        try {
            read = ObservationJsonReader.read(body, code -> cities.find(code).isPresent());
        } catch (InvalidFileException e) {
            throw ApiException.badRequest("invalid_observations", e.getMessage());
        }
        List<ObservationImportService.StationImport> imports = new ArrayList<>();
        read.byStation().forEach((station, rows) -> imports.add(new ObservationImportService.StationImport(
                canonical(station), "JSON upload", false, rows)));
        int stored = imports.stream().mapToInt(i -> i.rows().size()).sum();
        return importService.store(imports).map(recomputed -> new ImportReport(null, null, null, read.items(), stored,
                read.skipped().size(), ImportReport.listed(read.skipped()), recomputed));
    }

    @POST
    @Path("/csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Blocking
    @Operation(summary = "Store a UCI PRSA hourly CSV file for one station", description = """
            The body is a UCI PRSA file (Beijing multi-site or single-station layout, recognised by its header),
            stored as the given station of the given city. Hours are Beijing time. A broken header or structure
            rejects the whole file with 400 and stores nothing; rows with impossible values are skipped and listed
            with their line numbers. Re-importing station-hours replaces them.""")
    public Uni<ImportReport> importCsv(
            @Parameter(description = "City code, e.g. 220100", required = true) @RestQuery String city,
            @Parameter(description = "Station name within the city", required = true) @RestQuery String station,
            @Parameter(description = "Where the data come from, shown with them") @RestQuery String source,
            byte[] body) {
        StationKey key = canonical(requireStation(city, station));
        ParsedObservations parsed;
        try {
            parsed = PrsaCsvReader.read(body == null ? new byte[0] : body);
        } catch (InvalidFileException e) {
            throw ApiException.badRequest("invalid_file", e.getMessage());
        }
        String provenance = source == null || source.isBlank() ? parsed.format() + " upload"
                : FreeText.require("source", source.strip(), MAX_SOURCE);
        var imports = List.of(new ObservationImportService.StationImport(key, provenance, false, parsed.rows()));
        return importService.store(imports).map(recomputed -> new ImportReport(parsed.format().name(),
                key.cityCode(), key.name(), parsed.rowsRead(), parsed.rows().size(), parsed.skipped().size(),
                ImportReport.listed(parsed.skipped()), recomputed));
    }

    private StationKey requireStation(String city, String station) {
        if (city == null || city.isBlank()) {
            throw ApiException.badRequest("missing_parameter", "city is required (a code from GET /api/cities)");
        }
        if (cities.find(city).isEmpty()) {
            throw ApiException.badRequest("unknown_city", "city " + city + " is not one of AirWarn's units");
        }
        StationKey.nameProblem(station).ifPresent(problem -> {
            throw ApiException.badRequest("invalid_parameter", problem);
        });
        return new StationKey(city, station.strip());
    }

    /** Stores former codes (Gongzhuling's 220381) under the unit's current code. */
    private StationKey canonical(StationKey key) {
        return new StationKey(cities.find(key.cityCode()).orElseThrow().code(), key.name().strip());
    }
}
