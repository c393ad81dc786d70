package io.airwarn.compliance.hj212;

/**
 * A frame whose length and CRC check. {@code segment} is the data segment (UTF-8 decoded), {@code raw} the frame's
 * bytes from {@code ##} to the CRC (no line end), kept for the record and for replaying what a device sent.
 */
public record Frame(String segment, byte[] raw) implements Decoded {
}
