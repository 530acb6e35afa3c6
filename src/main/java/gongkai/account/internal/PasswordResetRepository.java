package gongkai.account.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PasswordResetRepository extends JpaRepository<PasswordResetEntity, Long> {

    Optional<PasswordResetEntity> findByTokenHash(String tokenHash);

    List<PasswordResetEntity> findByUserIdOrderByIdDesc(Long userId);
}
