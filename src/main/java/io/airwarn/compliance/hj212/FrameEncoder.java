package io.airwarn.compliance.hj212;

import java.nio.charset.StandardCharsets;

/** Wraps a data segment into a frame as this receiver sends them: length, segment, uppercase CRC, "\r\n". */
public final class FrameEncoder {

    private FrameEncoder() {
    }

    /** The frame's bytes. The length and CRC count the segment's UTF-8 bytes, as the standard's 6.3 says. */
    public static byte[] encode(String segment) {
        byte[] data = segment.getBytes(StandardCharsets.UTF_8);
        if (data.length > FrameDecoder.LENIENT_MAX_SEGMENT) {
            throw new IllegalArgumentException("a segment of " + data.length + " bytes cannot be framed");
        }
        byte[] frame = new byte[6 + data.length + 4 + 2];
        frame[0] = '#';
        frame[1] = '#';
        int n = data.length;
        for (int i = 5; i >= 2; i--) {
            frame[i] = (byte) ('0' + n % 10);
            n /= 10;
        }
        System.arraycopy(data, 0, frame, 6, data.length);
        Hj212Crc.writeHex(Hj212Crc.of(data, 0, data.length), frame, 6 + data.length);
        frame[frame.length - 2] = '\r';
        frame[frame.length - 1] = '\n';
        return frame;
    }
}
