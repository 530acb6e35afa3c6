package gongkai.publishing.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RecordStepRepository extends JpaRepository<RecordStepEntity, Long> {

    List<RecordStepEntity> findByRecordIdOrderByIdAsc(Long recordId);
}
