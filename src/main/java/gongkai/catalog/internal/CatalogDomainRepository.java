package gongkai.catalog.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CatalogDomainRepository extends JpaRepository<CatalogDomainEntity, String> {

    List<CatalogDomainEntity> findAllByOrderBySortOrderAsc();
}
