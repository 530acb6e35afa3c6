package gongkai.catalog.internal;

import java.io.Serializable;
import java.util.Objects;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

@Entity
@Table(name = "catalog_field")
@IdClass(CatalogFieldEntity.Key.class)
public class CatalogFieldEntity {

    @Id
    String itemCode;
    @Id
    String name;
    int position;
    String fieldType;
    boolean required;
    boolean personal;
    /** CHOICE values separated by '|'. */
    String choices;
    String unitField;

    protected CatalogFieldEntity() {
    }

    CatalogFieldEntity(String itemCode, String name, int position) {
        this.itemCode = itemCode;
        this.name = name;
        this.position = position;
    }

    public static class Key implements Serializable {
        String itemCode;
        String name;

        public Key() {
        }

        Key(String itemCode, String name) {
            this.itemCode = itemCode;
            this.name = name;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(itemCode, k.itemCode) && Objects.equals(name, k.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemCode, name);
        }
    }
}
