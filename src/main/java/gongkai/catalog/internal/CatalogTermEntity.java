package gongkai.catalog.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One term of a named list that belongs to either a domain or an item. */
@Entity
@Table(name = "catalog_term")
public class CatalogTermEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    String domainCode;
    String itemCode;
    String listName;
    int position;
    String term;

    protected CatalogTermEntity() {
    }

    CatalogTermEntity(String domainCode, String itemCode, String listName, int position, String term) {
        this.domainCode = domainCode;
        this.itemCode = itemCode;
        this.listName = listName;
        this.position = position;
        this.term = term;
    }
}
