package gongkai.catalog;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A field to add to an item's schema, or the new definition of an existing one (matched by name). */
public record FieldAmendment(
        @NotBlank(message = "字段名称不能为空") @Size(max = 60, message = "字段名称不能超过60个字") String name,
        @NotNull(message = "请选择字段类型") FieldType type,
        boolean required,
        boolean personal,
        List<String> choices,
        String unitField) {
}
