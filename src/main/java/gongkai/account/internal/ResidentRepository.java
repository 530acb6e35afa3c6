package gongkai.account.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

import gongkai.account.Resident;

public interface ResidentRepository extends JpaRepository<ResidentEntity, Long> {

    Optional<ResidentEntity> findByUsername(String username);

    boolean existsByUsername(String username);

    List<ResidentEntity> findByStatusAndRegionCodeInOrderByIdAsc(Resident.Status status, Collection<String> regions);
}
