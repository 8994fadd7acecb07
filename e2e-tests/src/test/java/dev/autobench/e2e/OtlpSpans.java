package dev.autobench.e2e;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * Reads the spans out of an OTLP/HTTP protobuf export (ExportTraceServiceRequest), as a collector
 * would: resource_spans(1) { resource(1) { attributes(1) }, scope_spans(2) { spans(2) } }, and of each
 * span its trace_id(1), span_id(2), parent_span_id(4), name(5), kind(6) and string attributes(9).
 * Written out here, against the protobuf wire format, so the test depends on no OpenTelemetry code.
 */
final class OtlpSpans {

    /** SpanKind numbers of the OTLP protobuf. */
    static final int SERVER = 2;
    static final int CLIENT = 3;

    record Span(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                Map<String, String> attributes) {
    }

    private OtlpSpans() {
    }

    static List<Span> parse(byte[] body) {
        byte[] bytes = body.length > 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b ? gunzip(body) : body;
        List<Span> spans = new ArrayList<>();
        for (Field resourceSpans : fields(bytes)) {
            if (resourceSpans.number != 1) {
                continue;
            }
            String service = null;
            List<byte[]> scopes = new ArrayList<>();
            for (Field f : fields(resourceSpans.bytes)) {
                if (f.number == 1) {
                    service = attributes(fields(f.bytes), 1).get("service.name");
                } else if (f.number == 2) {
                    scopes.add(f.bytes);
                }
            }
            for (byte[] scope : scopes) {
                for (Field f : fields(scope)) {
                    if (f.number == 2) {
                        spans.add(span(service, f.bytes));
                    }
                }
            }
        }
        return spans;
    }

    private static Span span(String service, byte[] bytes) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        List<Field> fields = fields(bytes);
        for (Field f : fields) {
            switch (f.number) {
                case 1 -> traceId = HexFormat.of().formatHex(f.bytes);
                case 2 -> spanId = HexFormat.of().formatHex(f.bytes);
                case 4 -> parent = HexFormat.of().formatHex(f.bytes);
                case 5 -> name = new String(f.bytes, StandardCharsets.UTF_8);
                case 6 -> kind = (int) f.varint;
                default -> {
                }
            }
        }
        return new Span(service, traceId, spanId, parent, name, kind, attributes(fields, 9));
    }

    /** The string (and integer) values of the KeyValue messages in field {@code number}. */
    private static Map<String, String> attributes(List<Field> fields, int number) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (Field kv : fields) {
            if (kv.number != number || kv.bytes == null) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field f : fields(kv.bytes)) {
                if (f.number == 1) {
                    key = new String(f.bytes, StandardCharsets.UTF_8);
                } else if (f.number == 2) {
                    for (Field any : fields(f.bytes)) {
                        if (any.number == 1 && any.bytes != null) {
                            value = new String(any.bytes, StandardCharsets.UTF_8);
                        } else if (any.number == 3 && any.bytes == null) {
                            value = Long.toString(any.varint);
                        }
                    }
                }
            }
            if (key != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    private record Field(int number, long varint, byte[] bytes) {
    }

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] pos = {0};
        while (pos[0] < message.length) {
            long tag = varint(message, pos);
            int number = (int) (tag >>> 3);
            switch ((int) (tag & 7)) {
                case 0 -> fields.add(new Field(number, varint(message, pos), null));
                case 1 -> pos[0] += 8;
                case 2 -> {
                    int length = (int) varint(message, pos);
                    byte[] value = java.util.Arrays.copyOfRange(message, pos[0], pos[0] + length);
                    pos[0] += length;
                    fields.add(new Field(number, 0, value));
                }
                case 5 -> pos[0] += 4;
                default -> throw new IllegalArgumentException("unsupported protobuf wire type in field " + number);
            }
        }
        return fields;
    }

    private static long varint(byte[] bytes, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = bytes[pos[0]++];
            value |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("malformed varint");
    }

    private static byte[] gunzip(byte[] body) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
