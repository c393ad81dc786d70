package io.airwarn.backup;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;

/**
 * {@code base-backup.json} beside a base backup's files: its label, where in the WAL it starts and ends, and when it
 * was finished (Beijing time, with its offset): the earliest time it can be recovered to.
 */
record BaseBackupInfo(String format, String label, String startLsn, String stopLsn, String finishedAt,
                      String postgresVersion) {

    static final String FILE = "base-backup.json";
    static final String FORMAT = "airwarn-base-backup";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path directory) throws IOException {
        JSON.writeValue(directory.resolve(FILE).toFile(), this);
    }

    /** @throws BackupRefused when {@code directory} holds no base backup written by AirWarn */
    static BaseBackupInfo read(Path directory) {
        BaseBackupInfo info;
        try {
            info = JSON.readValue(directory.resolve(FILE).toFile(), BaseBackupInfo.class);
        } catch (IOException e) {
            throw new BackupRefused(directory + " is not an AirWarn base backup (no readable " + FILE + ")");
        }
        if (info == null || !FORMAT.equals(info.format()) || info.finishedAt() == null) {
            throw new BackupRefused(directory + " is not an AirWarn base backup (" + FILE + " is not one)");
        }
        return info;
    }

    OffsetDateTime finished() {
        return OffsetDateTime.parse(finishedAt);
    }
}
