package gongkai.reporting.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface GuideVersionRepository extends JpaRepository<GuideVersionEntity, Long> {

    Optional<GuideVersionEntity> findTopByOrgCodeOrderByVersionNoDesc(String orgCode);

    Optional<GuideVersionEntity> findByOrgCodeAndVersionNo(String orgCode, int versionNo);

    List<GuideVersionEntity> findByOrgCodeOrderByVersionNoDesc(String orgCode);
}
