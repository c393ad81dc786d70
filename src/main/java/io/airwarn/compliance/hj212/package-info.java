/**
 * The HJ 212-2017 receiver: stack monitoring devices [在线监控设备] connect over TCP and upload their data; this
 * package cuts the byte stream into frames ({@link io.airwarn.compliance.hj212.FrameDecoder}), reads the data
 * segment ({@link io.airwarn.compliance.hj212.SegmentParser}), decides the answers
 * ({@link io.airwarn.compliance.hj212.ReplyPolicy}, {@link io.airwarn.compliance.hj212.Replies}) and joins split
 * uploads ({@link io.airwarn.compliance.hj212.SplitAssembler}), all in plain Java so each rule is tested without a
 * socket. {@link io.airwarn.compliance.hj212.Hj212Server} alone knows Vert.x; what happens to the data is the
 * {@link io.airwarn.compliance.hj212.Hj212Handler}'s business. The protocol's facts and quirks are in
 * shared/reference/hj212.md.
 */
package io.airwarn.compliance.hj212;
