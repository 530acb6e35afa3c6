package gongkai.opendata.internal.download;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.ServletWebRequest;

import gongkai.opendata.DownloadFormat;
import gongkai.shared.TooManyRequestsProblem;

/**
 * The download addresses: a dataset's rows as {@code /data/<name>/download/<all|year>.<csv|xlsx|json>} and the
 * yearly zip {@code /data/bulk/<year>.zip}, and the same under {@code /api/v1/datasets/…}, where the API chain
 * takes an {@code Authorization: Bearer} token (which lifts the anonymous limits). Each answers conditional requests
 * with 304 and is written to the response in the request's own thread: the rows stream through a database cursor
 * inside a read-only transaction, which a {@code StreamingResponseBody} on another thread would not have.
 */
@Controller
class DownloadController {

    private static final Logger log = LoggerFactory.getLogger(DownloadController.class);

    private final DatasetDownloads downloads;
    private final DownloadLimits limits;

    DownloadController(DatasetDownloads downloads, DownloadLimits limits) {
        this.downloads = downloads;
        this.limits = limits;
    }

    @GetMapping({"/data/{name}/download/{file}", "/api/v1/datasets/{name}/download/{file}"})
    void download(@PathVariable String name, @PathVariable String file,
            @RequestParam(name = "header", required = false) String header, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        DatasetDownloads.Download d = downloads.download(name, file);
        HeaderForm form = d.format() == DownloadFormat.JSON && header == null ? HeaderForm.LABELS
                : HeaderForm.parse(header);
        if (new ServletWebRequest(request, response).checkNotModified(downloads.etag(d, form),
                d.modified().toEpochMilli())) {
            return;
        }
        boolean body = !"HEAD".equals(request.getMethod());
        if (body) {
            limited(limits::download, response);
        }
        response.setContentType(d.format() == DownloadFormat.XLSX ? d.format().mediaType()
                : d.format().mediaType() + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(d.fileName(), d.title()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (body) {
            stream(request, response, () -> downloads.write(d, form, response.getOutputStream()));
        }
    }

    @GetMapping({"/data/bulk/{file}", "/api/v1/datasets/bulk/{file}"})
    void bulk(@PathVariable String file, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        DatasetDownloads.Bulk bulk = downloads.bulk(file);
        if (new ServletWebRequest(request, response).checkNotModified(bulk.etag(),
                bulk.modified().toEpochMilli())) {
            return;
        }
        boolean body = !"HEAD".equals(request.getMethod());
        if (body) {
            limited(limits::bulk, response);
        }
        response.setContentType("application/zip");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(bulk.fileName(), bulk.title()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
        if (body) {
            stream(request, response, () -> downloads.writeBulk(bulk, response.getOutputStream()));
        }
    }

    private void limited(Runnable check, HttpServletResponse response) {
        try {
            check.run();
        } catch (TooManyRequestsProblem e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(limits.window().toSeconds()));
            throw e;
        }
    }

    @FunctionalInterface
    private interface Body {
        void write() throws IOException;
    }

    /** Writes the body; a client that went away midway is no failure of ours. */
    private static void stream(HttpServletRequest request, HttpServletResponse response, Body body)
            throws IOException {
        try {
            body.write();
        } catch (IOException | UncheckedIOException | tools.jackson.core.exc.JacksonIOException e) {
            if (!response.isCommitted()) {
                throw e;
            }
            log.debug("Download {} ended early: {}", request.getRequestURI(), e.toString());
        }
    }

    /**
     * RFC 6266 with RFC 5987: the ASCII name for old clients, the title (Chinese) as UTF-8 for the rest.
     */
    static String attachment(String ascii, String title) {
        String plain = ascii.replaceAll("[^A-Za-z0-9._-]", "_");
        return "attachment; filename=\"" + plain + "\"; filename*=UTF-8''" + rfc5987(title.replaceAll(
                "[\\\\/:*?\"<>|\\p{Cntrl}]", "_"));
    }

    private static String rfc5987(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
