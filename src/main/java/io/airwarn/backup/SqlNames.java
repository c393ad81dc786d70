package io.airwarn.backup;

import java.util.List;
import java.util.stream.Collectors;

/** Table, column and sequence names in SQL text: always quoted, so a name is taken exactly as stored. Pure. */
final class SqlNames {

    private SqlNames() {
    }

    static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** {@code public."name"}: every table and sequence AirWarn backs up lives in schema public. */
    static String qualified(String name) {
        return "public." + quote(name);
    }

    static String columnList(List<String> columns) {
        return columns.stream().map(SqlNames::quote).collect(Collectors.joining(", "));
    }
}
