package io.airwarn.compliance.hj212;

import java.nio.charset.StandardCharsets;

/**
 * The check sum of HJ 212-2017 appendix A over the data segment's bytes. It is not CRC-16/MODBUS although it uses
 * the same table: the standard shifts the register right by 8 before each byte, dropping its low byte, so a frame
 * sent with a MODBUS CRC fails here on purpose (hj212.md §1). "123456789" gives 2F80.
 */
public final class Hj212Crc {

    /** The reflected 0x8005 table: entry i is i shifted eight times with 0xA001 folded in on each carry. */
    private static final char[] TABLE = new char[256];
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    static {
        for (int i = 0; i < 256; i++) {
            int reg = i;
            for (int bit = 0; bit < 8; bit++) {
                reg = (reg & 1) != 0 ? (reg >>> 1) ^ 0xA001 : reg >>> 1;
            }
            TABLE[i] = (char) reg;
        }
    }

    private Hj212Crc() {
    }

    /** The CRC of {@code length} bytes from {@code offset}, 0..0xFFFF. */
    public static int of(byte[] bytes, int offset, int length) {
        int reg = 0xFFFF;
        for (int i = offset, end = offset + length; i < end; i++) {
            reg = TABLE[((reg >>> 8) ^ bytes[i]) & 0xFF];
        }
        return reg;
    }

    /** The CRC of a data segment as sent: its UTF-8 bytes. */
    public static int of(String segment) {
        byte[] bytes = segment.getBytes(StandardCharsets.UTF_8);
        return of(bytes, 0, bytes.length);
    }

    /** Four uppercase hex digits, high byte first, as the standard writes them. */
    public static String hex(int crc) {
        byte[] digits = new byte[4];
        writeHex(crc, digits, 0);
        return new String(digits, StandardCharsets.US_ASCII);
    }

    /** Writes the four uppercase hex digits at {@code offset}. */
    static void writeHex(int crc, byte[] target, int offset) {
        target[offset] = HEX[(crc >>> 12) & 0xF];
        target[offset + 1] = HEX[(crc >>> 8) & 0xF];
        target[offset + 2] = HEX[(crc >>> 4) & 0xF];
        target[offset + 3] = HEX[crc & 0xF];
    }

    /**
     * The four hex digits at {@code offset} as a number, either case (some devices write lowercase), or -1 when
     * one of them is no hex digit, which in a frame means its length field is wrong.
     */
    public static int parseHex(byte[] bytes, int offset) {
        int value = 0;
        for (int i = offset; i < offset + 4; i++) {
            int digit = Character.digit(bytes[i], 16);
            if (digit < 0 || bytes[i] > 'f') {
                return -1;
            }
            value = (value << 4) | digit;
        }
        return value;
    }
}
