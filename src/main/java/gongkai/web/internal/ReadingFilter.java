package gongkai.web.internal;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The Traditional view, in one place: when the reader chose 繁體 (cookie or {@code ?lang=zh-Hant}), an HTML page is
 * converted as a whole after rendering ({@link TraditionalHtml}), whatever wrote it: templates, messages, content
 * from the database, error pages. Anything that is not {@code text/html} (JSON, feeds, CSV, PDF, files) passes as it
 * was written, unbuffered. A {@code lang} in the address is also kept in the cookie, so the next page follows it.
 *
 * <p>It runs just inside {@link PageCacheFilter}, so that a kept page is kept converted, under a key that names the
 * preferences ({@link ReadingPreferences#cacheVariant()}).
 */
final class ReadingFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ReadingPreferences preferences = ReadingPreferences.of(request);
        if (request.getAttribute(ReadingBar.ATTRIBUTE) == null) {
            request.setAttribute(ReadingBar.ATTRIBUTE, ReadingBar.of(request, preferences));
        }
        String asked = ReadingPreferences.langInAddress(request);
        if (asked != null && !request.getRequestURI().endsWith(PreferencesController.PATH)) {
            response.addHeader("Set-Cookie",
                    PreferencesController.cookie(ReadingPreferences.LANG_COOKIE, asked, request.isSecure()));
        }
        if (!preferences.traditional()) {
            chain.doFilter(request, response);
            return;
        }
        TraditionalResponse converting = new TraditionalResponse(response);
        chain.doFilter(request, converting);
        converting.finish();
    }

    /**
     * Holds back an HTML body until the page is complete, then writes it converted. Whether a body is HTML is decided
     * when it is first written to, by the content type set by then.
     */
    private static final class TraditionalResponse extends HttpServletResponseWrapper {

        private final HttpServletResponse response;
        private ByteArrayOutputStream bytes;
        private CharArrayWriter chars;
        private ServletOutputStream stream;
        private PrintWriter writer;
        private Boolean html;

        TraditionalResponse(HttpServletResponse response) {
            super(response);
            this.response = response;
        }

        private boolean html() {
            if (html == null) {
                String type = getContentType();
                html = type != null && type.toLowerCase(Locale.ROOT).startsWith("text/html");
            }
            return html;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!html()) {
                return super.getOutputStream();
            }
            if (stream == null) {
                bytes = new ByteArrayOutputStream(16 * 1024);
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        bytes.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        bytes.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("Synchronous writes only");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!html()) {
                return super.getWriter();
            }
            if (writer == null) {
                chars = new CharArrayWriter(16 * 1024);
                writer = new PrintWriter(chars);
            }
            return writer;
        }

        @Override
        public void setContentLength(int length) {
            if (html == null || !html) {
                super.setContentLength(length);
            }
        }

        @Override
        public void setContentLengthLong(long length) {
            if (html == null || !html) {
                super.setContentLengthLong(length);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!"Content-Length".equalsIgnoreCase(name) || html == null || !html) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (html == null || !html) {
                super.flushBuffer();
            }
        }

        @Override
        public void resetBuffer() {
            super.resetBuffer();
            discard();
        }

        @Override
        public void reset() {
            super.reset();
            discard();
            html = null;
        }

        private void discard() {
            if (bytes != null) {
                bytes.reset();
            }
            if (chars != null) {
                chars.reset();
            }
        }

        /** Writes the held-back page, converted. */
        void finish() throws IOException {
            if (html == null || !html || bytes == null && chars == null) {
                return;
            }
            Charset charset = charset();
            String page;
            if (chars != null) {
                writer.flush();
                page = chars.toString();
            } else {
                page = bytes.toString(charset);
            }
            byte[] converted = TraditionalHtml.of(page).getBytes(charset);
            response.setContentLength(converted.length);
            response.getOutputStream().write(converted);
        }

        private Charset charset() {
            String encoding = getCharacterEncoding();
            try {
                return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException e) {
                return StandardCharsets.UTF_8;
            }
        }
    }
}
