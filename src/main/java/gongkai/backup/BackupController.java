package gongkai.backup;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/admin/backup} (ADMIN only, see SecurityConfiguration): the archive, streamed as it is made. */
@RestController
class BackupController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final BackupArchive archive;
    private final Clock clock;

    BackupController(BackupArchive archive, Clock clock) {
        this.archive = archive;
        this.clock = clock;
    }

    @PostMapping(value = "/api/v1/admin/backup", produces = "application/zip")
    void backup(HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"gongkai-backup-" + STAMP.format(clock.instant()) + ".zip\"");
        archive.write(response.getOutputStream());
    }
}
