package gongkai.reporting.internal;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import gongkai.publishing.RecordPublished;
import gongkai.reporting.AnnualReports;

/**
 * When the approver publishes the record of a report, the report is published: its frozen content becomes what the
 * public reads, under the record's index number. (A report whose event was missed catches up the next time staff
 * open it.)
 */
@Component
class ReportPublicationListener {

    private final ReportWork work;

    ReportPublicationListener(ReportWork work) {
        this.work = work;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(RecordPublished event) {
        if (AnnualReports.BODY_ITEM.equals(event.catalogItem()) || AnnualReports.LEVEL_ITEM.equals(event.catalogItem())) {
            work.published(event.org(), event.indexNo(), event.at());
        }
    }
}
