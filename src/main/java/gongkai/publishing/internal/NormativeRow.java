package gongkai.publishing.internal;

import gongkai.publishing.DocumentCategory;

/** The counts of one document category, as one aggregate query gives them. */
public record NormativeRow(DocumentCategory category, Long issued, Long repealed, Long inForce) {
}
