package gongkai.region.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RegionRepository extends JpaRepository<RegionEntity, String> {

    List<RegionEntity> findAllByOrderBySortOrderAscCodeAsc();

    List<RegionEntity> findByParentCodeOrderBySortOrderAscCodeAsc(String parentCode);
}
