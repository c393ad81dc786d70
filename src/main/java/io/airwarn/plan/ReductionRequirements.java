package io.airwarn.plan;

import io.airwarn.core.WarningLevel;
import io.airwarn.core.Yaml;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;

/** Reads {@code emission-reduction.yaml}: the minimum cut per level as a share of city emissions. */
public final class ReductionRequirements {

    record File(Map<WarningLevel, Double> minimumShare) {
    }

    private ReductionRequirements() {
    }

    public static Map<WarningLevel, Double> read(InputStream in, String fileName) {
        File file = Yaml.read(in, File.class, fileName);
        if (file.minimumShare() == null) {
            throw new IllegalArgumentException(fileName + ": minimumShare is required");
        }
        Map<WarningLevel, Double> shares = new EnumMap<>(WarningLevel.class);
        file.minimumShare().forEach((level, share) -> {
            if (share == null || share < 0 || share > 1) {
                throw new IllegalArgumentException(fileName + ": minimumShare." + level + " must lie in 0..1");
            }
            shares.put(level, share);
        });
        return shares;
    }
}
