package io.ddt.testkit.assertions;

import java.util.List;

import org.bson.BsonValue;

/**
 * One document that differs between source and target, described by its {@code _id} and the
 * names of the top-level fields involved; never by the fields' values.
 *
 * @param kind missing, extra or different
 * @param id the document's {@code _id} as read from the side that has it (the source's when both do)
 * @param changedFields top-level fields whose value, type or presence differs; empty unless {@code DIFFERENT}
 * @param reorderedFields top-level fields present on both sides whose position differs
 */
record DocumentDifference(DifferenceKind kind, BsonValue id, List<String> changedFields, List<String> reorderedFields) {

    DocumentDifference {
        changedFields = List.copyOf(changedFields);
        reorderedFields = List.copyOf(reorderedFields);
    }

    static DocumentDifference missing(BsonValue id) {
        return new DocumentDifference(DifferenceKind.MISSING_ON_TARGET, id, List.of(), List.of());
    }

    static DocumentDifference extra(BsonValue id) {
        return new DocumentDifference(DifferenceKind.EXTRA_ON_TARGET, id, List.of(), List.of());
    }
}
