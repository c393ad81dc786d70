package io.airwarn.compliance.hj212;

/**
 * Why bytes or a frame were not taken, with a detail for the log. {@code mn} is the device number read from the
 * refused bytes when they name one (so a bad CRC is logged against its device), else null.
 */
public record Refusal(Reason reason, String detail, String mn) implements Decoded, Parsed {

    public Refusal(Reason reason, String detail) {
        this(reason, detail, null);
    }

    public enum Reason {
        /** The four hex digits do not match the appendix A CRC of the segment. */
        BAD_CRC,
        /** The length field does not fit the bytes: no hex CRC where it says the segment ends. */
        BAD_LENGTH,
        /** A segment longer than the limit (1024, or 9999 when lenient), or more bytes than the buffer's cap. */
        OVERSIZED,
        /** Bytes outside any frame. */
        GARBAGE,
        /** A frame begun but not finished within the frame timeout, or a split upload missing packets. */
        INCOMPLETE,
        /** A field of the data segment is missing or malformed; the detail names it. */
        MALFORMED,
        /** Flag's version bits are none of 2005, 2017 and 2025. */
        UNKNOWN_VERSION,
        /** The handler does not know the device number. */
        UNKNOWN_MN,
        /** The handler knows the device but not with this password. */
        WRONG_PW,
        /** A command this receiver does not handle (vendor heartbeats 9015, logins 9021...): no answer. */
        IGNORED
    }
}
