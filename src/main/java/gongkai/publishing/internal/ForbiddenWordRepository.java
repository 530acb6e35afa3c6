package gongkai.publishing.internal;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ForbiddenWordRepository extends JpaRepository<ForbiddenWordEntity, String> {
}
