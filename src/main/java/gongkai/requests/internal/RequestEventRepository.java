package gongkai.requests.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestEventRepository extends JpaRepository<RequestEventEntity, Long> {

    List<RequestEventEntity> findByRequestIdOrderBySeqAsc(Long requestId);
}
