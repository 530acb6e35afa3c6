package gongkai.catalog.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogTermRepository extends JpaRepository<CatalogTermEntity, Long> {

    List<CatalogTermEntity> findAllByOrderByIdAsc();
}
