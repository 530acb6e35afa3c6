package gongkai.catalog.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogItemRepository extends JpaRepository<CatalogItemEntity, String> {

    List<CatalogItemEntity> findAllByOrderBySortOrderAsc();
}
