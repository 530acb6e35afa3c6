package gongkai.search.internal;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface SearchDocumentRepository extends JpaRepository<SearchDocument, Long> {

    Optional<SearchDocument> findByIndexNo(String indexNo);
}
