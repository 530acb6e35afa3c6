package gongkai.catalog.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogFieldRepository extends JpaRepository<CatalogFieldEntity, CatalogFieldEntity.Key> {

    List<CatalogFieldEntity> findAllByOrderByItemCodeAscPositionAsc();

    List<CatalogFieldEntity> findByItemCodeOrderByPositionAsc(String itemCode);
}
