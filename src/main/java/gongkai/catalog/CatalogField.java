package gongkai.catalog;

import java.util.List;

/**
 * One field of an item's structured data (数据项).
 *
 * @param personal  names or identifies a private person: masked on every public output
 * @param choices   the allowed values of a {@link FieldType#CHOICE} field, else empty
 * @param unitField for a quantity, the field that holds its unit, else null
 */
public record CatalogField(String name, FieldType type, boolean required, boolean personal, List<String> choices,
        String unitField) {

    public CatalogField {
        choices = List.copyOf(choices);
    }
}
