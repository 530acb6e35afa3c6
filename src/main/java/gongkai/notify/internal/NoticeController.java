package gongkai.notify.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.util.UriUtils;

import gongkai.calendar.WorkingDayCalendar;
import gongkai.notify.NoticePrinter;
import gongkai.notify.PrintableNotice;
import gongkai.org.Organisation;
import gongkai.org.Organisations;
import gongkai.publishing.RecordView;
import gongkai.publishing.Records;
import gongkai.shared.ConflictProblem;
import gongkai.shared.PlatformConfiguration;
import gongkai.shared.PublicAddress;

/**
 * {@code /records/{indexNo}/notice.pdf}: the printable notice (公示) of a published targeted record, for its
 * organisation's staff to post on the village board. Personal fields are masked as on every public output; the QR
 * code opens the record with its access code.
 */
@Controller
class NoticeController {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final Records records;
    private final NoticePrinter printer;
    private final WorkingDayCalendar calendar;
    private final int noticeWorkingDays;
    private final PublicAddress site;
    private final Organisations organisations;
    private final String fallbackPhone;
    private final String fallbackAddress;

    NoticeController(Records records, NoticePrinter printer, WorkingDayCalendar calendar,
            @Value("${gongkai.notify.notice-working-days:7}") int noticeWorkingDays, PublicAddress site,
            Organisations organisations,
            @Value("${gongkai.notify.notice.objection-phone:}") String fallbackPhone,
            @Value("${gongkai.notify.notice.objection-address:}") String fallbackAddress) {
        this.site = site;
        this.organisations = organisations;
        this.fallbackPhone = fallbackPhone;
        this.fallbackAddress = fallbackAddress;
        this.records = records;
        this.printer = printer;
        this.calendar = calendar;
        this.noticeWorkingDays = noticeWorkingDays;
    }

    @GetMapping("/records/{ref}/notice.pdf")
    ResponseEntity<byte[]> notice(@PathVariable String ref) {
        RecordView record = records.forNotice(ref);
        if (record.accessCode() == null) {
            throw new ConflictProblem("只有定向公开的信息需要打印公示；面向社会公开的信息请直接引用其网址。");
        }
        LocalDate from = LocalDate.ofInstant(record.firstPublishedAt(), PlatformConfiguration.CHINA);
        LocalDate until = calendar.plusWorkingDays(from, noticeWorkingDays);
        // Printed and posted on a village board: it must lead to this platform, whatever Host the request named.
        String link = site.link("/records/" + UriUtils.encodePathSegment(record.ref(), StandardCharsets.UTF_8)
                + "?code=" + UriUtils.encodeQueryParam(record.accessCode(), StandardCharsets.UTF_8));
        // Objections go to the publishing body: its office's phone and address as the body's guide gives them.
        Optional<Organisation.Office> office = organisations.find(record.org()).map(Organisation::office);
        List<String> columns = record.columns().stream().map(c -> c.name()).toList();
        List<List<String>> rows = record.rows().stream()
                .map((Map<String, String> row) -> columns.stream().map(c -> row.getOrDefault(c, "")).toList())
                .toList();
        PrintableNotice notice = new PrintableNotice(record.title(), record.publisher(), record.regionName(),
                DAY.format(from) + "至" + DAY.format(until), record.summary(),
                columns.isEmpty() ? List.of("内容") : columns,
                columns.isEmpty() ? List.of() : rows, link, record.accessCode(), from, record.demo(),
                orOfficeSetting(office.map(Organisation.Office::phone), fallbackPhone),
                orOfficeSetting(office.map(Organisation.Office::address), fallbackAddress), site.link("/code"));
        byte[] pdf = printer.pdf(notice);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("公示-" + record.ref().replace('/', '-') + ".pdf", StandardCharsets.UTF_8)
                        .build().toString())
                .body(pdf);
    }

    /** The body's own entry when it has one, else the platform-wide setting (blank: the notice leaves the line out). */
    private static String orOfficeSetting(Optional<String> ofBody, String setting) {
        return ofBody.filter(v -> !v.isBlank()).orElse(setting);
    }
}
