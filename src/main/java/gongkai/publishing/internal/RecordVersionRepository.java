package gongkai.publishing.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecordVersionRepository extends JpaRepository<RecordVersionEntity, Long> {

    Optional<RecordVersionEntity> findByRecordIdAndVersion(Long recordId, int version);

    List<RecordVersionEntity> findByRecordIdOrderByVersionDesc(Long recordId);
}
