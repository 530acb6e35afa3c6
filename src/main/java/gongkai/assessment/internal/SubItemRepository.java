package gongkai.assessment.internal;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SubItemRepository extends JpaRepository<SubItemEntity, Long> {

    List<SubItemEntity> findByOrgCodeAndStatusOrderByParentItemAscIdAsc(String org, SubItemEntity.Status status);

    List<SubItemEntity> findByOrgCodeOrderByIdDesc(String org);

    List<SubItemEntity> findByStatusOrderByIdAsc(SubItemEntity.Status status);

    boolean existsByOrgCodeAndParentItemAndNameAndStatusNot(String org, String parent, String name,
            SubItemEntity.Status status);
}
