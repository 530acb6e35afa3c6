package gongkai.emergency.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import gongkai.emergency.CategoryBalance;
import gongkai.emergency.DonationCampaign;
import gongkai.emergency.DonationEntry;
import gongkai.emergency.Donations;
import gongkai.emergency.NewCampaign;
import gongkai.emergency.NewDonationEntry;
import gongkai.emergency.RecordedEntry;
import gongkai.shared.Actor;

/**
 * The relief-donation ledgers in the API (API.md): open a campaign, read it with its totals, read its entries (natural
 * persons masked), append an entry, close the campaign to receipts. PUT, PATCH and DELETE of an entry are refused:
 * entries are only reversed.
 */
@RestController
class DonationApiController {

    static final int PAGE_SIZE = 50;

    private final Donations donations;

    DonationApiController(Donations donations) {
        this.donations = donations;
    }

    /** The new campaign's id. */
    record Created(long id) {
    }

    /** A category's totals; amounts in yuan (money) or in the unit (goods). */
    record Totals(String category, String item, String unit, BigDecimal received, BigDecimal allocated,
            BigDecimal onHand) {
        static Totals of(CategoryBalance b) {
            return new Totals(b.category().isMoney() ? "money" : "goods", b.category().item(), b.category().unit(),
                    b.received(), b.allocated(), b.onHand());
        }
    }

    /**
     * A campaign as the public sees it.
     *
     * @param closed         whether it has stopped taking receipts (停止接收); allocations and reversals go on
     * @param statusLabel    接收中 or 已停止接收, as the page says it
     * @param closedOn       the day receipts stopped (Beijing time); null while open
     * @param closeStatement the organiser's statement on closing; null while open
     */
    record Campaign(long id, String name, String org, String orgName, String region, String regionName,
            LocalDate startsOn, Long emergencyId, String emergencyTitle, boolean demo, long entries,
            List<Totals> totals, boolean closed, String statusLabel, LocalDate closedOn, String closeStatement) {
        static Campaign of(DonationCampaign c) {
            return new Campaign(c.id(), c.name(), c.orgCode(), c.orgName(), c.regionCode(), c.regionName(),
                    c.startsOn(), c.emergencyId(), c.emergencyTitle(), c.demo(), c.entryCount(),
                    c.totals().stream().map(Totals::of).toList(), c.closed(), c.statusLabel(), c.closedOn(),
                    c.closeStatement());
        }
    }

    /** Why a campaign stops taking receipts: the statement the public reads. */
    record Closing(String statement) {
    }

    /** An entry as the public sees it: a natural person's name masked, an anonymous donor as 匿名. */
    record Entry(long id, String kind, String category, String item, String unit, BigDecimal amount, String source,
            String purpose, String recipient, LocalDate date, Long reverses, String receiptNo) {
        static Entry of(DonationEntry e) {
            return new Entry(e.id(), e.kind().name(), e.category().isMoney() ? "money" : "goods", e.category().item(),
                    e.category().unit(), e.amount(), e.kind().name().equals("RECEIPT") ? e.publicSource() : null,
                    e.purpose(), e.publicRecipient(), e.date(), e.reverses(), e.receiptNo());
        }
    }

    /** A page of entries, newest first. */
    record EntryPage(int page, int size, long total, List<Entry> entries) {
    }

    @GetMapping("/api/v1/donations")
    List<Campaign> list() {
        return donations.campaigns().stream().map(Campaign::of).toList();
    }

    @PostMapping("/api/v1/donations")
    @ResponseStatus(HttpStatus.CREATED)
    Created open(@RequestBody NewCampaign campaign) {
        return new Created(donations.open(campaign, Actor.require()));
    }

    @GetMapping("/api/v1/donations/{campaignId}")
    Campaign one(@PathVariable long campaignId) {
        return Campaign.of(donations.campaign(campaignId));
    }

    @PostMapping("/api/v1/donations/{campaignId}/close")
    Campaign close(@PathVariable long campaignId, @RequestBody(required = false) Closing closing) {
        return Campaign.of(donations.close(campaignId, closing == null ? null : closing.statement(), Actor.require()));
    }

    @GetMapping("/api/v1/donations/{campaignId}/entries")
    EntryPage entries(@PathVariable long campaignId, @RequestParam(defaultValue = "0") int page) {
        DonationCampaign c = donations.campaign(campaignId);
        int p = Math.max(0, page);
        return new EntryPage(p, PAGE_SIZE, c.entryCount(),
                donations.entries(campaignId, p, PAGE_SIZE).stream().map(Entry::of).toList());
    }

    @GetMapping("/api/v1/donations/{campaignId}/entries/{entryId}")
    Entry entry(@PathVariable long campaignId, @PathVariable long entryId) {
        return donations.entry(campaignId, entryId).map(Entry::of).orElseThrow(
                () -> new gongkai.shared.NotFoundProblem("本活动台账中没有编号为" + entryId + "的条目。"));
    }

    @PostMapping("/api/v1/donations/{campaignId}/entries")
    @ResponseStatus(HttpStatus.CREATED)
    RecordedEntry record(@PathVariable long campaignId, @RequestBody NewDonationEntry entry) {
        return donations.record(campaignId, entry, Actor.require());
    }

    @PutMapping({"/api/v1/donations/{campaignId}/entries/{entryId}", "/api/v1/donations/{campaignId}/entries"})
    ResponseEntity<ProblemDetail> put() {
        return neverChanged();
    }

    @PatchMapping({"/api/v1/donations/{campaignId}/entries/{entryId}", "/api/v1/donations/{campaignId}/entries"})
    ResponseEntity<ProblemDetail> patch() {
        return neverChanged();
    }

    @DeleteMapping({"/api/v1/donations/{campaignId}/entries/{entryId}", "/api/v1/donations/{campaignId}/entries"})
    ResponseEntity<ProblemDetail> delete() {
        return neverChanged();
    }

    private static ResponseEntity<ProblemDetail> neverChanged() {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED,
                "捐赠台账条目一经登记不得修改或删除；如有错误，请登记一笔冲正（REVERSAL）。");
        p.setTitle("台账条目不可修改");
        return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED).header("Allow", "GET, POST")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
}
