package gongkai.environment.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;

import javax.imageio.ImageIO;

import gongkai.environment.AirMonth;
import gongkai.shared.ChineseText;

/**
 * The ranking's bar chart as a PNG for the drafted record (a record's body carries no script): one bar per ranked
 * region, smallest index first, drawn headless with the platform's embedded Chinese font so that it looks the same on
 * every server. The record's table carries the same figures.
 */
final class RankingChart {


    private RankingChart() {
    }

    static byte[] png(String title, List<AirMonth.Place> places) {
        List<AirMonth.Place> ranked = places.stream().filter(p -> p.rank() != null).toList();
        int width = 960;
        int height = 480;
        int left = 70;
        int right = 90;
        int top = 50;
        int bottom = 150;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setColor(Color.BLACK);
            ChineseText.draw(g, title, 20f, left, 32);
            double max = ranked.stream().map(p -> p.month().composite()).max(BigDecimal::compareTo)
                    .map(BigDecimal::doubleValue).orElse(1.0);
            double top_ = Math.ceil(max);
            int plotH = height - top - bottom;
            int plotW = width - left - right;
            g.setStroke(new BasicStroke(1f));
            for (int t = 0; t <= (int) top_; t++) {
                int y = top + plotH - (int) Math.round(plotH * t / top_);
                g.setColor(new Color(0xDD, 0xDD, 0xDD));
                g.drawLine(left, y, width - right, y);
                g.setColor(Color.BLACK);
                ChineseText.draw(g, String.valueOf(t), 13f, left - 24, y + 5);
            }
            int n = Math.max(1, ranked.size());
            double slot = (double) plotW / n;
            for (int i = 0; i < ranked.size(); i++) {
                AirMonth.Place p = ranked.get(i);
                double v = p.month().composite().doubleValue();
                int h = (int) Math.round(plotH * v / top_);
                int x = left + (int) Math.round(slot * i + slot * 0.2);
                int w = (int) Math.round(slot * 0.6);
                g.setColor(new Color(0x2C, 0x7F, 0xB8));
                g.fillRect(x, top + plotH - h, w, h);
                g.setColor(Color.BLACK);
                ChineseText.draw(g, p.month().composite().toPlainString(), 13f, x, top + plotH - h - 4);
                AffineTransform saved = g.getTransform();
                g.translate(x + w / 2.0, top + plotH + 12);
                g.rotate(Math.toRadians(40));
                ChineseText.draw(g, p.month().regionName(), 13f, 0, 0);
                g.setTransform(saved);
            }
            g.drawLine(left, top + plotH, width - right, top + plotH);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
