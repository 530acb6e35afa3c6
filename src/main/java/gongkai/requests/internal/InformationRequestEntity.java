package gongkai.requests.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import gongkai.requests.Applicant;
import gongkai.requests.ApplicantKind;
import gongkai.requests.DeliveryForm;
import gongkai.requests.IdType;
import gongkai.requests.ReceiptChannel;
import gongkai.requests.RequestClock;
import gongkai.requests.RequestPhase;
import gongkai.requests.TrackingNumber;
import gongkai.requests.RequestOutcome;
import gongkai.shared.Timestamped;

/**
 * 政府信息公开申请: the request with its applicant. The clock's columns (phase to late answer) are a cache of the
 * {@link RequestClock} replayed from the history, written after every step, for the inbox and the daily job.
 */
@Entity
@Table(name = "info_request")
public class InformationRequestEntity extends Timestamped {

    /** From {@code info_request_seq}, taken before the row is written so that the tracking number goes in with it. */
    @Id
    private Long id;
    private String trackingNo;
    private String queryCodeSha256;
    private String orgCode;
    @Enumerated(EnumType.STRING)
    private ReceiptChannel channel;
    private LocalDate arrivedOn;
    private LocalDate receivedOn;
    @Enumerated(EnumType.STRING)
    private ApplicantKind applicantKind;
    private String applicantName;
    @Enumerated(EnumType.STRING)
    private IdType idType;
    private String idNumber;
    private String applicantKey;
    private String contactName;
    private String phone;
    private String email;
    private String address;
    private String description;
    private String purpose;
    @Enumerated(EnumType.STRING)
    private DeliveryForm preferredForm;
    private boolean suggestProactive;
    private String submittedFrom;
    private String humanCheckNonce;
    private Long transferredFrom;
    private Long transferredTo;
    @Enumerated(EnumType.STRING)
    private RequestPhase phase;
    private LocalDate dueOn;
    private LocalDate pauseUntil;
    private LocalDate remindedFor;
    private LocalDate overdueMarkedOn;
    @Enumerated(EnumType.STRING)
    private RequestOutcome outcome;
    private LocalDate answeredOn;
    private boolean lateAnswer;
    private String replyText;
    private String replyLetter;
    private BigDecimal feeAmount;
    private boolean demo;
    @Version
    private Long version;

    protected InformationRequestEntity() {
    }

    public InformationRequestEntity(String orgCode, ReceiptChannel channel, LocalDate arrivedOn, LocalDate receivedOn,
            Applicant applicant, String description, String purpose, DeliveryForm preferredForm,
            boolean suggestProactive, String queryCodeSha256) {
        this.orgCode = orgCode;
        this.channel = channel;
        this.arrivedOn = arrivedOn;
        this.receivedOn = receivedOn;
        this.applicantKind = applicant.kind();
        this.applicantName = applicant.name();
        this.idType = applicant.idType();
        this.idNumber = applicant.idNumber();
        this.applicantKey = applicant.key();
        this.contactName = applicant.contactName();
        this.phone = applicant.phone();
        this.email = applicant.email();
        this.address = applicant.address();
        this.description = description;
        this.purpose = purpose;
        this.preferredForm = preferredForm;
        this.suggestProactive = suggestProactive;
        this.queryCodeSha256 = queryCodeSha256;
        this.phase = RequestPhase.RUNNING;
    }

    /** Gives the new request its id and the tracking number the applicant quotes. */
    void identify(long sequenceValue) {
        this.id = sequenceValue;
        this.trackingNo = TrackingNumber.of(receivedOn.getYear(), sequenceValue).value();
    }

    public void origin(String submittedFrom, String humanCheckNonce) {
        this.submittedFrom = submittedFrom;
        this.humanCheckNonce = humanCheckNonce;
    }

    /** Writes the clock's state to the cache columns. */
    void clock(RequestClock clock) {
        this.phase = clock.phase();
        this.dueOn = clock.dueOn();
        this.pauseUntil = clock.pauseUntil();
        this.outcome = clock.outcome().orElse(null);
        this.answeredOn = clock.closedOn().orElse(null);
        this.lateAnswer = clock.answeredLate();
    }

    /** A new query code replaces the old one, which stops working at once. */
    public void replaceQueryCode(String queryCodeSha256) {
        this.queryCodeSha256 = queryCodeSha256;
    }

    public void answer(String text, String letter) {
        this.replyText = text;
        this.replyLetter = letter;
    }

    public void correctedDescription(String text) {
        this.description = text;
    }

    public void fee(BigDecimal amount) {
        this.feeAmount = amount;
    }

    public void transferredFrom(Long id) {
        this.transferredFrom = id;
    }

    public void transferredTo(Long id) {
        this.transferredTo = id;
    }

    public void reminded(LocalDate due) {
        this.remindedFor = due;
    }

    public void markedOverdue(LocalDate on) {
        this.overdueMarkedOn = on;
    }

    public Long getId() {
        return id;
    }

    public String getTrackingNo() {
        return trackingNo;
    }

    public String getQueryCodeSha256() {
        return queryCodeSha256;
    }

    public String getOrgCode() {
        return orgCode;
    }

    public ReceiptChannel getChannel() {
        return channel;
    }

    public LocalDate getArrivedOn() {
        return arrivedOn;
    }

    public LocalDate getReceivedOn() {
        return receivedOn;
    }

    public Applicant applicant() {
        return new Applicant(applicantKind, applicantName, idType, idNumber, contactName, phone, email, address);
    }

    public ApplicantKind getApplicantKind() {
        return applicantKind;
    }

    public String getApplicantKey() {
        return applicantKey;
    }

    public String getDescription() {
        return description;
    }

    public String getPurpose() {
        return purpose;
    }

    public DeliveryForm getPreferredForm() {
        return preferredForm;
    }

    public boolean isSuggestProactive() {
        return suggestProactive;
    }

    public Long getTransferredFrom() {
        return transferredFrom;
    }

    public Long getTransferredTo() {
        return transferredTo;
    }

    public RequestPhase getPhase() {
        return phase;
    }

    public LocalDate getDueOn() {
        return dueOn;
    }

    public LocalDate getPauseUntil() {
        return pauseUntil;
    }

    public LocalDate getRemindedFor() {
        return remindedFor;
    }

    public LocalDate getOverdueMarkedOn() {
        return overdueMarkedOn;
    }

    public RequestOutcome getOutcome() {
        return outcome;
    }

    public LocalDate getAnsweredOn() {
        return answeredOn;
    }

    public boolean isLateAnswer() {
        return lateAnswer;
    }

    public String getReplyText() {
        return replyText;
    }

    public String getReplyLetter() {
        return replyLetter;
    }

    public BigDecimal getFeeAmount() {
        return feeAmount;
    }

    public boolean isDemo() {
        return demo;
    }
}
