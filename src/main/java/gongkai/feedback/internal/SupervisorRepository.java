package gongkai.feedback.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SupervisorRepository extends JpaRepository<SupervisorEntity, Long> {

    Optional<SupervisorEntity> findByUsername(String username);

    List<SupervisorEntity> findAllByOrderByTermEndsOnDescIdDesc();

    boolean existsByDemoTrue();
}
