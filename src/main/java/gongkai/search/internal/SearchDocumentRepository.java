package gongkai.search.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SearchDocumentRepository extends JpaRepository<SearchDocument, Long> {

    Optional<SearchDocument> findByIndexNo(String indexNo);

    /** The documents after {@code afterId}, by id, without their texts: a page of the walk at start. */
    @Query("select new gongkai.search.internal.IndexState(d.id, d.contentSha256) from SearchDocument d "
            + "where d.id > :afterId order by d.id")
    List<IndexState> findStates(Long afterId, Limit limit);
}
