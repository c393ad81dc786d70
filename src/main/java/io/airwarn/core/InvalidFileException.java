package io.airwarn.core;

/** The file as a whole cannot be read (header, structure, encoding); nothing from it is stored. */
public class InvalidFileException extends RuntimeException {
    public InvalidFileException(String message) {
        super(message);
    }
}
