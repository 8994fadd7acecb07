package dev.autobench.renderer.chromium;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Just enough PNG decoding to judge a screenshot: 8-bit RGB/RGBA, non-interlaced, which is what Chromium
 * writes. AWT's ImageIO is avoided on purpose: it drags the desktop stack into the native image.
 */
public final class PngImage {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final int width;
    private final int height;
    private final int channels;
    private final byte[] pixels;

    private PngImage(int width, int height, int channels, byte[] pixels) {
        this.width = width;
        this.height = height;
        this.channels = channels;
        this.pixels = pixels;
    }

    /** Reads width and height only. */
    public static int[] dimensions(byte[] png) {
        ByteBuffer in = header(png);
        in.position(SIGNATURE.length + 8);
        return new int[]{in.getInt(), in.getInt()};
    }

    public static PngImage decode(byte[] png) {
        ByteBuffer in = header(png);
        in.position(SIGNATURE.length);
        int width = 0;
        int height = 0;
        int channels = 0;
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        while (in.remaining() >= 12) {
            int length = in.getInt();
            byte[] type = new byte[4];
            in.get(type);
            String chunk = new String(type, StandardCharsets.US_ASCII);
            if (length < 0 || length > in.remaining() - 4) {
                throw new IllegalArgumentException("truncated PNG chunk " + chunk);
            }
            byte[] data = new byte[length];
            in.get(data);
            in.getInt(); // CRC: Chromium's own output, not worth checking
            switch (chunk) {
                case "IHDR" -> {
                    ByteBuffer h = ByteBuffer.wrap(data);
                    width = h.getInt();
                    height = h.getInt();
                    int bitDepth = h.get();
                    int colorType = h.get();
                    h.get();
                    h.get();
                    int interlace = h.get();
                    if (bitDepth != 8 || interlace != 0 || (colorType != 2 && colorType != 6)) {
                        throw new IllegalArgumentException("unsupported PNG: depth " + bitDepth + ", colour type "
                                + colorType + ", interlace " + interlace);
                    }
                    channels = colorType == 6 ? 4 : 3;
                }
                case "IDAT" -> compressed.write(data, 0, data.length);
                case "IEND" -> {
                    return new PngImage(width, height, channels, unfilter(inflate(compressed.toByteArray(),
                            (long) height * (1 + (long) width * channels)), width, height, channels));
                }
                default -> {
                    // ancillary chunks carry nothing a blank check needs
                }
            }
        }
        throw new IllegalArgumentException("PNG without IEND");
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /**
     * True when at most {@code tolerance} pixels differ from the top-left one by more than a few levels in any
     * channel: a page that drew nothing, whatever its background colour.
     */
    public boolean isUniform(int tolerance) {
        int differing = 0;
        for (int p = 0; p < pixels.length; p += channels) {
            for (int c = 0; c < channels; c++) {
                if (Math.abs((pixels[p + c] & 0xff) - (pixels[c] & 0xff)) > 8) {
                    if (++differing > tolerance) {
                        return false;
                    }
                    break;
                }
            }
        }
        return true;
    }

    private static ByteBuffer header(byte[] png) {
        if (png == null || png.length < SIGNATURE.length + 25) {
            throw new IllegalArgumentException("not a PNG");
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (png[i] != SIGNATURE[i]) {
                throw new IllegalArgumentException("not a PNG");
            }
        }
        return ByteBuffer.wrap(png);
    }

    private static byte[] inflate(byte[] data, long expected) {
        if (expected > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("PNG too large to inspect");
        }
        Inflater inflater = new Inflater();
        inflater.setInput(data);
        byte[] out = new byte[(int) expected];
        try {
            int n = 0;
            while (n < out.length && !inflater.finished()) {
                int read = inflater.inflate(out, n, out.length - n);
                if (read == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                n += read;
            }
            if (n != out.length) {
                throw new IllegalArgumentException("truncated PNG image data");
            }
            return out;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("corrupt PNG image data", e);
        } finally {
            inflater.end();
        }
    }

    private static byte[] unfilter(byte[] raw, int width, int height, int channels) {
        int stride = width * channels;
        byte[] out = new byte[stride * height];
        for (int y = 0; y < height; y++) {
            int filter = raw[y * (stride + 1)];
            int in = y * (stride + 1) + 1;
            int row = y * stride;
            for (int x = 0; x < stride; x++) {
                int a = x >= channels ? out[row + x - channels] & 0xff : 0;
                int b = y > 0 ? out[row - stride + x] & 0xff : 0;
                int c = x >= channels && y > 0 ? out[row - stride + x - channels] & 0xff : 0;
                int value = raw[in + x] & 0xff;
                int predicted = switch (filter) {
                    case 0 -> 0;
                    case 1 -> a;
                    case 2 -> b;
                    case 3 -> (a + b) >>> 1;
                    case 4 -> paeth(a, b, c);
                    default -> throw new IllegalArgumentException("bad PNG filter " + filter);
                };
                out[row + x] = (byte) (value + predicted);
            }
        }
        return out;
    }

    private static int paeth(int a, int b, int c) {
        int p = a + b - c;
        int pa = Math.abs(p - a);
        int pb = Math.abs(p - b);
        int pc = Math.abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
