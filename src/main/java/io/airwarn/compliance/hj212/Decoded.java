package io.airwarn.compliance.hj212;

/** What {@link FrameDecoder} makes of the bytes: a frame whose CRC checks, or why bytes were dropped. */
public sealed interface Decoded permits Frame, Refusal {
}
