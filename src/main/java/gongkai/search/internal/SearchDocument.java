package gongkai.search.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;

/**
 * One published record open to everyone, flattened for the index. Text is indexed twice: as character bigrams
 * (what must match, and what is highlighted) and as smartcn words (what raises the score).
 */
@Entity
@Table(name = "search_document")
@Indexed(index = SearchDocument.INDEX)
public class SearchDocument {

    public static final String INDEX = "records";

    @Id
    @DocumentId
    @GenericField(name = "rid", sortable = Sortable.YES, projectable = Projectable.YES)
    private Long id;

    @KeywordField(name = "indexNo", normalizer = ChineseAnalysisConfigurer.EXACT, projectable = Projectable.YES)
    @Column(name = "index_no")
    private String indexNo;

    @FullTextField(name = "title_cjk", analyzer = ChineseAnalysisConfigurer.BIGRAM, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED)
    @FullTextField(name = "title_sc", analyzer = ChineseAnalysisConfigurer.WORDS)
    @FullTextField(name = "title_terms", analyzer = ChineseAnalysisConfigurer.TERMS)
    private String title;

    @FullTextField(name = "text_cjk", analyzer = ChineseAnalysisConfigurer.BIGRAM, projectable = Projectable.YES,
            highlightable = Highlightable.UNIFIED)
    @FullTextField(name = "text_sc", analyzer = ChineseAnalysisConfigurer.WORDS)
    @FullTextField(name = "text_terms", analyzer = ChineseAnalysisConfigurer.TERMS)
    private String content;

    private String summary;
    private String keywords;

    @Column(name = "document_number")
    private String documentNumber;

    @KeywordField(name = "documentKey", normalizer = ChineseAnalysisConfigurer.EXACT)
    @Column(name = "document_key")
    private String documentKey;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "org_code")
    private String orgCode;

    @KeywordField(searchable = Searchable.NO, projectable = Projectable.YES)
    private String publisher;

    @KeywordField(projectable = Projectable.YES)
    @Column(name = "region_code")
    private String regionCode;

    @KeywordField(aggregable = Aggregable.YES)
    @Column(name = "county_code")
    private String countyCode;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "domain_code")
    private String domainCode;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    @Column(name = "item_code")
    private String itemCode;

    @KeywordField(aggregable = Aggregable.YES)
    @Column(name = "subject_class")
    private String subjectClass;

    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    @Column(name = "published_at")
    private Instant publishedAt;

    @GenericField(aggregable = Aggregable.YES)
    @Column(name = "published_year")
    private int publishedYear;

    @GenericField(projectable = Projectable.YES)
    private boolean demo;

    protected SearchDocument() {
    }

    public SearchDocument(Long id) {
        this.id = id;
    }

    /** Replaces everything but the id with the record's current published state. */
    public void fill(String indexNo, String title, String summary, String content, String keywords,
            String documentNumber, String orgCode, String publisher, String regionCode, String countyCode,
            String domainCode, String itemCode, String subjectClass, Instant publishedAt, int publishedYear,
            boolean demo) {
        this.indexNo = indexNo;
        this.title = title;
        this.summary = summary;
        this.content = content;
        this.keywords = keywords;
        this.documentNumber = documentNumber;
        this.documentKey = DocumentNumbers.key(documentNumber);
        this.orgCode = orgCode;
        this.publisher = publisher;
        this.regionCode = regionCode;
        this.countyCode = countyCode;
        this.domainCode = domainCode;
        this.itemCode = itemCode;
        this.subjectClass = subjectClass;
        this.publishedAt = publishedAt;
        this.publishedYear = publishedYear;
        this.demo = demo;
    }

    public Long getId() {
        return id;
    }

    public String indexNo() {
        return indexNo;
    }
}
