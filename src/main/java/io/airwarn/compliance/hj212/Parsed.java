package io.airwarn.compliance.hj212;

/** What {@link SegmentParser} makes of a data segment: a message, or why it was refused. */
public sealed interface Parsed permits Message, Refusal {
}
