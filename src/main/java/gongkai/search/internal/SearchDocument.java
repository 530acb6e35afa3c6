package gongkai.search.internal;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.hibernate.search.engine.backend.types.Aggregable;
import org.hibernate.search.engine.backend.types.Highlightable;
import org.hibernate.search.engine.backend.types.Projectable;
import org.hibernate.search.engine.backend.types.Searchable;
import org.hibernate.search.engine.backend.types.Sortable;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.DocumentId;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.FullTextField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.GenericField;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.Indexed;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.IndexingDependency;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.ObjectPath;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.PropertyValue;
import org.hibernate.search.mapper.pojo.mapping.definition.annotation.KeywordField;
import org.hibernate.search.mapper.pojo.automaticindexing.ReindexOnUpdate;

/**
 * One published record open to everyone, flattened for the index. Text is indexed twice: as character bigrams
 * (what must match, and what is highlighted) and as smartcn words (what raises the score).
 */
@Entity
@Table(name = "search_document")
@Indexed(index = SearchDocument.INDEX)
public class SearchDocument {

    public static final String INDEX = "records";
    /** The field holding every facet value of a record, each as name, separator, value. */
    public static final String FACETS = "facets";
    public static final char FACET_SEPARATOR = ':';
    /** The field holding the content hash of the version indexed. */
    public static final String STATE = "contentSha256";
    public static final String NUMBER_KEYS = "numberKeys";
    /** The field holding the record id, sortable and searchable by range. */
    public static final String RECORD_ID = "rid";
    /**
     * The version of this mapping, indexed in every document. Raise it when a field is added: the check at start
     * then finds the documents of the older version and rebuilds the index (an index written before has nothing in
     * the new field, and the content hashes alone would not tell). Raise it too when an analyzer or a key changes.
     * 3: numerals in digits, number keys without brackets (issue 12).
     */
    public static final int SCHEMA = 3;
    public static final String SCHEMA_FIELD = "schema";

    @Id
    @DocumentId
    @GenericField(name = RECORD_ID, sortable = Sortable.YES, projectable = Projectable.YES)
    private Long id;

    @KeywordField(name = "indexNo", normalizer = ChineseAnalysisConfigurer.EXACT, projectable = Projectable.YES)
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

    private String documentNumber;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    private String orgCode;

    @KeywordField(searchable = Searchable.NO, projectable = Projectable.YES)
    private String publisher;

    @KeywordField(projectable = Projectable.YES)
    private String regionCode;

    @KeywordField(aggregable = Aggregable.YES)
    private String countyCode;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    private String domainCode;

    @KeywordField(aggregable = Aggregable.YES, projectable = Projectable.YES)
    private String itemCode;

    @KeywordField(aggregable = Aggregable.YES)
    private String subjectClass;

    /** A {@link gongkai.search.DocumentKind} code. */
    @KeywordField
    private String kind;

    @GenericField(sortable = Sortable.YES, projectable = Projectable.YES)
    private Instant publishedAt;

    @GenericField(aggregable = Aggregable.YES)
    private int publishedYear;

    @GenericField(projectable = Projectable.YES)
    private boolean demo;

    /**
     * The content hash of the published version this document was made from: what the check at start compares with
     * the records to find a document that is stale (or missing, or left over) in the table or in the index.
     */
    @KeywordField(name = STATE, searchable = Searchable.NO, projectable = Projectable.YES)
    private String contentSha256;

    @Transient
    private int schema = SCHEMA;

    protected SearchDocument() {
    }

    public SearchDocument(Long id) {
        this.id = id;
    }

    /** Replaces everything but the id with the record's current published state. */
    public void fill(String indexNo, String title, String summary, String content, String keywords,
            String documentNumber, String orgCode, String publisher, String regionCode, String countyCode,
            String domainCode, String itemCode, String subjectClass, String kind, Instant publishedAt,
            int publishedYear, boolean demo, String contentSha256) {
        this.indexNo = indexNo;
        this.title = title;
        this.summary = summary;
        this.content = content;
        this.keywords = keywords;
        this.documentNumber = documentNumber;
        this.orgCode = orgCode;
        this.publisher = publisher;
        this.regionCode = regionCode;
        this.countyCode = countyCode;
        this.domainCode = domainCode;
        this.itemCode = itemCode;
        this.subjectClass = subjectClass;
        this.kind = kind;
        this.publishedAt = publishedAt;
        this.publishedYear = publishedYear;
        this.demo = demo;
        this.contentSha256 = contentSha256;
    }

    /**
     * The keys a document or index number typed in any form is matched by ({@link DocumentNumbers}): the 文号's, the
     * index number's and its part after the body's code.
     */
    @Transient
    @KeywordField(name = NUMBER_KEYS)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "documentNumber")),
            @ObjectPath(@PropertyValue(propertyName = "indexNo"))})
    public List<String> getNumberKeys() {
        return java.util.stream.Stream.of(DocumentNumbers.key(documentNumber), DocumentNumbers.key(indexNo),
                DocumentNumbers.serialKey(indexNo)).filter(java.util.Objects::nonNull).distinct().toList();
    }

    /**
     * The seven facet values in one field ("domain:…", "org:…", "region:…" (the county), "year:…", "item:…",
     * "subjectClass:…", "kind:…"): counted in one pass over the matches rather than seven (bench/search).
     */
    @Transient
    @KeywordField(name = FACETS, aggregable = Aggregable.YES)
    @IndexingDependency(derivedFrom = {@ObjectPath(@PropertyValue(propertyName = "domainCode")),
            @ObjectPath(@PropertyValue(propertyName = "orgCode")),
            @ObjectPath(@PropertyValue(propertyName = "countyCode")),
            @ObjectPath(@PropertyValue(propertyName = "publishedYear")),
            @ObjectPath(@PropertyValue(propertyName = "itemCode")),
            @ObjectPath(@PropertyValue(propertyName = "subjectClass")),
            @ObjectPath(@PropertyValue(propertyName = "kind"))})
    public List<String> getFacets() {
        return java.util.stream.Stream.of(facet("domain", domainCode), facet("org", orgCode),
                facet("region", countyCode), facet("year", String.valueOf(publishedYear)), facet("item", itemCode),
                facet("subjectClass", subjectClass), facet("kind", kind)).filter(java.util.Objects::nonNull).toList();
    }

    /** {@link #SCHEMA}; indexed so that documents of an older mapping can be told apart. */
    @Transient
    @GenericField(name = SCHEMA_FIELD)
    @IndexingDependency(reindexOnUpdate = ReindexOnUpdate.NO)
    public int getSchema() {
        return schema;
    }

    /** For tests: index this document as an older mapping would have, to see the check at start rebuild it. */
    public void indexAsSchema(int olderSchema) {
        this.schema = olderSchema;
    }

    private static String facet(String name, String value) {
        return value == null || value.isBlank() ? null : name + FACET_SEPARATOR + value;
    }

    public Long getId() {
        return id;
    }

    public String indexNo() {
        return indexNo;
    }
}
