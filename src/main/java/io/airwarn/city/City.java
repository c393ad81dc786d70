package io.airwarn.city;

import java.util.List;

/**
 * One of the 12 units of Jilin Province.
 *
 * @param code         GB/T 2260 code, or AirWarn's own id where the unit has none ({@code officialCode} false)
 * @param formerCodes  codes the unit had before (Gongzhuling was 220381 until 2020)
 */
public record City(String code, String nameZh, String nameEn, double latitude, double longitude,
                   boolean officialCode, String note, List<FormerCode> formerCodes) {

    public record FormerCode(String code, String until, String note) {
    }

    public City {
        formerCodes = formerCodes == null ? List.of() : List.copyOf(formerCodes);
    }

    public boolean answersTo(String anyCode) {
        return code.equals(anyCode) || formerCodes.stream().anyMatch(f -> f.code().equals(anyCode));
    }
}
