package io.airwarn.forecast;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Expands the command line's --input values: plain files, or globs such as data/PRSA_Data_*.csv. */
final class InputFiles {

    private InputFiles() {
    }

    static List<Path> expand(List<String> inputs) {
        List<Path> files = new ArrayList<>();
        for (String input : inputs) {
            if (input.contains("*") || input.contains("?") || input.contains("[")) {
                Path glob = Path.of(input);
                Path dir = glob.getParent() == null ? Path.of(".") : glob.getParent();
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob.getFileName());
                try (Stream<Path> list = Files.list(dir)) {
                    List<Path> matched = list.filter(p -> matcher.matches(p.getFileName())).sorted().toList();
                    if (matched.isEmpty()) {
                        throw new IllegalArgumentException("--input " + input + " matches no file");
                    }
                    files.addAll(matched);
                } catch (IOException e) {
                    throw new IllegalArgumentException("--input " + input + ": " + e.getMessage());
                }
            } else {
                Path file = Path.of(input);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalArgumentException("--input " + input + " is not a readable file");
                }
                files.add(file);
            }
        }
        return files;
    }
}
