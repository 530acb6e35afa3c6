package gongkai.backup;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import gongkai.shared.AccessDeniedProblem;
import gongkai.shared.Actor;
import gongkai.shared.Role;

/** {@code POST /api/v1/admin/backup} (the city office's ADMIN only): the archive, streamed as it is made. */
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
        // The archive holds every body's data and the ledger's private key: the city office's ADMIN only, not a
        // county's or a department's (each organisation has ADMINs of its own).
        Actor actor = Actor.require();
        if (!actor.cityWide() || !actor.has(Role.ADMIN)) {
            throw new AccessDeniedProblem("只有市政府办公室的管理员可以备份整个平台：备份包含所有单位的数据和公开账本的签名私钥。");
        }
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition",
                "attachment; filename=\"gongkai-backup-" + STAMP.format(clock.instant()) + ".zip\"");
        archive.write(response.getOutputStream());
    }
}
