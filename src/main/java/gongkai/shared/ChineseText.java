package gongkai.shared;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.io.IOException;
import java.io.InputStream;

import org.springframework.core.io.ClassPathResource;

/**
 * Draws Chinese text on images with the platform's embedded fonts, so that a chart looks the same on every server:
 * Droid Sans Fallback for Chinese, and Liberation Sans (shipped inside PDFBox) for Latin letters and digits, which
 * Droid Sans Fallback lacks.
 */
public final class ChineseText {

    public static final String CJK_FONT = "fonts/DroidSansFallbackFull.ttf";
    public static final String LATIN_FONT = "org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final Font CJK = load(CJK_FONT);
    private static final Font LATIN = load(LATIN_FONT);

    private ChineseText() {
    }

    /** Draws text in runs, each character in the font that has it; returns the x where the text ends. */
    public static double draw(Graphics2D g, String text, float size, double x, double y) {
        Font latin = LATIN.deriveFont(Font.PLAIN, size);
        Font cjk = CJK.deriveFont(Font.PLAIN, size);
        double at = x;
        int i = 0;
        while (i < text.length()) {
            boolean isLatin = isLatin(text.charAt(i), latin);
            int j = i;
            while (j < text.length() && isLatin(text.charAt(j), latin) == isLatin) {
                j++;
            }
            String run = text.substring(i, j);
            g.setFont(isLatin ? latin : cjk);
            g.drawString(run, (float) at, (float) y);
            at += g.getFontMetrics().stringWidth(run);
            i = j;
        }
        return at;
    }

    /** Whether a character is set in the Latin font (below the CJK radicals, and present in it). */
    public static boolean isLatin(char c) {
        return isLatin(c, LATIN);
    }

    private static boolean isLatin(char c, Font latin) {
        return c < 0x2E80 && latin.canDisplay(c);
    }

    private static Font load(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            throw new IllegalStateException("Cannot load " + path, e);
        }
    }
}
