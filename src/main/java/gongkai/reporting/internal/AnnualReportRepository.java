package gongkai.reporting.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import gongkai.reporting.ReportStatus;

public interface AnnualReportRepository extends JpaRepository<AnnualReportEntity, Long> {

    Optional<AnnualReportEntity> findByOrgCodeAndReportYear(String orgCode, int reportYear);

    List<AnnualReportEntity> findByOrgCodeOrderByReportYearDesc(String orgCode);

    List<AnnualReportEntity> findByOrgCodeAndStatus(String orgCode, ReportStatus status);

    List<AnnualReportEntity> findByReportYear(int reportYear);
}
