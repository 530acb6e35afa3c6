package gongkai.assessment.internal;

import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DisclosureEventRepository extends JpaRepository<DisclosureEventEntity, Long> {

    List<DisclosureEventEntity> findByOccurredOnBetweenOrderByOccurredOnAscIdAsc(LocalDate from, LocalDate to);

    boolean existsBySourceRef(String sourceRef);
}
