package dev.autobench.renderer;

import dev.autobench.renderer.chromium.PngImage;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PngImageTest {

    @Test
    void singleColourImageIsUniformWhateverTheColour() throws IOException {
        byte[] png = png(BufferedImage.TYPE_INT_RGB, 64, 48, 0x336699, -1, -1);

        PngImage image = PngImage.decode(png);

        assertThat(image.width()).isEqualTo(64);
        assertThat(image.height()).isEqualTo(48);
        assertThat(image.isUniform(0)).isTrue();
        assertThat(PngImage.dimensions(png)).containsExactly(64, 48);
    }

    @Test
    void onePixelOfAnotherColourIsNotUniform() throws IOException {
        assertThat(PngImage.decode(png(BufferedImage.TYPE_INT_ARGB, 64, 48, 0xffffffff, 40, 30)).isUniform(0)).isFalse();
        assertThat(PngImage.decode(png(BufferedImage.TYPE_INT_RGB, 64, 48, 0xffffff, 63, 47)).isUniform(0)).isFalse();
    }

    @Test
    void somethingElseIsRejected() {
        assertThatThrownBy(() -> PngImage.decode("GIF89a not a png at all, really not".getBytes()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A gradient-free image with at most one odd pixel, written by the JDK's own PNG encoder. */
    private static byte[] png(int type, int width, int height, int colour, int oddX, int oddY) throws IOException {
        BufferedImage image = new BufferedImage(width, height, type);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, x == oddX && y == oddY ? 0xff000000 : colour);
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
