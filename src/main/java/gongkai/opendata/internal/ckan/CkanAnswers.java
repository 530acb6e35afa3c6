package gongkai.opendata.internal.ckan;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The answers of the CKAN Action API subset, shaped as CKAN 2.11 dictizes them ({@code ckan/lib/dictization/
 * model_dictize.py}): snake_case keys, and nulls written out where CKAN writes them. Each record's fields are the
 * contract a CKAN client reads.
 */
final class CkanAnswers {

    private CkanAnswers() {
    }

    /** A successful answer: {@code {"help", "success": true, "result"}}. */
    @JsonInclude(Include.ALWAYS)
    record Success(String help, boolean success, Object result) {
    }

    /** A failed answer: {@code {"help", "success": false, "error": {"__type", ...}}}. */
    @JsonInclude(Include.ALWAYS)
    record Failure(String help, boolean success, Map<String, Object> error) {
    }

    /** {@code status_show}. */
    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Status(String siteTitle, String siteDescription, String siteUrl, String errorEmailsTo, String localeDefault,
            List<String> extensions, String ckanVersion) {
    }

    /** A dataset ({@code package_show}, and each result of {@code package_search}). */
    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Package(String author, String authorEmail, String creatorUserId, String id,
            @JsonProperty("isopen") boolean isopen, String licenseId, String licenseTitle, String licenseUrl,
            String maintainer, String maintainerEmail, String metadataCreated, String metadataModified, String name,
            String notes, int numResources, int numTags, Organization organization, String ownerOrg,
            @JsonProperty("private") boolean privateDataset, String state, String title, String type, String url, String version, List<Extra> extras,
            List<GroupRef> groups, List<Object> relationshipsAsObject, List<Object> relationshipsAsSubject,
            List<Resource> resources, List<Tag> tags) {
    }

    /** A download of a dataset ({@code resource_show}, and each item of a dataset's {@code resources}). */
    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Resource(String cacheLastUpdated, String cacheUrl, String created, boolean datastoreActive,
            String description, String format, String hash, String id, String lastModified, String metadataModified,
            String mimetype, String mimetypeInner, String name, String packageId, int position, String resourceType,
            Long size, String state, String url, String urlType) {
    }

    /** The publishing body as a dataset names it. */
    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Organization(String id, String name, String title, String type, String description, String imageUrl,
            String created, @JsonProperty("is_organization") boolean isOrganization, String approvalStatus,
            String state) {
    }

    /** A field (group) as a dataset names it. */
    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record GroupRef(String id, String name, String title, String displayName, String description,
            String imageDisplayUrl) {
    }

    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Tag(String id, String name, String displayName, String state, String vocabularyId) {
    }

    @JsonInclude(Include.ALWAYS)
    record Extra(String key, String value) {
    }

    /**
     * An organization or group as {@code organization_show}, {@code group_show} and the {@code all_fields} lists give
     * it. The lists CKAN leaves out of {@code all_fields} items (extras, tags, groups) and the datasets, which only
     * {@code include_datasets} asks for, are left out when null.
     */
    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Group(String id, String name, String title, String type, String description, String imageUrl,
            String created, @JsonProperty("is_organization") boolean isOrganization, String approvalStatus,
            String state, String displayName, String imageDisplayUrl, long packageCount, int numFollowers,
            @JsonInclude(Include.NON_NULL) List<Extra> extras, @JsonInclude(Include.NON_NULL) List<Tag> tags,
            @JsonInclude(Include.NON_NULL) List<GroupRef> groups,
            @JsonInclude(Include.NON_NULL) List<Package> packages) {
    }

    /** {@code package_search}. */
    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record Search(long count, Map<String, Map<String, Long>> facets, List<Package> results, String sort,
            Map<String, SearchFacet> searchFacets) {
    }

    @JsonInclude(Include.ALWAYS)
    record SearchFacet(String title, List<FacetItem> items) {
    }

    @JsonInclude(Include.ALWAYS)
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record FacetItem(String name, String displayName, long count) {
    }
}
