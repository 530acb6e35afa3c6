package gongkai.publishing.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecordAttachmentRepository extends JpaRepository<RecordAttachmentEntity, Long> {

    List<RecordAttachmentEntity> findByRecordIdOrderByPositionAsc(Long recordId);
}
