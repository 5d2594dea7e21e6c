package io.ddt.internal.apply;

import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

import io.ddt.ConfigurationException;
import io.ddt.Namespace;
import io.ddt.NamespaceMapping;

/**
 * Maps the collections a view names to their target names: the collection it is on
 * ({@code viewOn}) and those its pipeline reads by a plain name ({@code $lookup} and
 * {@code $graphLookup} {@code from}, {@code $unionWith}), in nested pipelines too. A view reads
 * only its own database, so a mapping that sends one of those collections to another target
 * database than the view's cannot be applied. Stateless.
 */
final class ViewPipelines {

    private final NamespaceMapping mapping;
    private final Namespace view;
    private final String targetDatabase;

    /**
     * @param view the view on the source
     */
    ViewPipelines(NamespaceMapping mapping, Namespace view) {
        this.mapping = mapping;
        this.view = view;
        this.targetDatabase = mapping.map(view).database();
    }

    /**
     * Returns the view options (of {@code create} or {@code collMod}) with {@code viewOn} and
     * {@code pipeline} mapped; other options as they are.
     *
     * @throws ConfigurationException if a collection the view reads goes to another database
     */
    BsonDocument options(BsonDocument options) {
        BsonDocument mapped = new BsonDocument();
        for (Map.Entry<String, BsonValue> option : options.entrySet()) {
            BsonValue value = option.getValue();
            if (option.getKey().equals("viewOn") && value.isString()) {
                value = collection(value.asString());
            } else if (option.getKey().equals("pipeline") && value.isArray()) {
                value = pipeline(value.asArray());
            }
            mapped.append(option.getKey(), value);
        }
        return mapped;
    }

    private BsonArray pipeline(BsonArray stages) {
        BsonArray mapped = new BsonArray();
        for (BsonValue stage : stages) {
            mapped.add(stage.isDocument() && stage.asDocument().size() == 1 ? stage(stage.asDocument()) : stage);
        }
        return mapped;
    }

    private BsonValue stage(BsonDocument stage) {
        String name = stage.getFirstKey();
        BsonValue argument = stage.get(name);
        BsonValue mapped = switch (name) {
            case "$lookup", "$graphLookup" -> argument.isDocument() ? lookup(argument.asDocument()) : argument;
            case "$unionWith" -> argument.isString() ? collection(argument.asString()) : lookup(argument.asDocument());
            case "$facet" -> argument.isDocument() ? facets(argument.asDocument()) : argument;
            default -> argument;
        };
        return new BsonDocument(name, mapped);
    }

    /** A {@code $lookup}, {@code $graphLookup} or {@code $unionWith} with its collection and pipeline mapped. */
    private BsonDocument lookup(BsonDocument specification) {
        BsonDocument mapped = new BsonDocument();
        for (Map.Entry<String, BsonValue> field : specification.entrySet()) {
            BsonValue value = field.getValue();
            if ((field.getKey().equals("from") || field.getKey().equals("coll")) && value.isString()) {
                value = collection(value.asString());
            } else if (field.getKey().equals("pipeline") && value.isArray()) {
                value = pipeline(value.asArray());
            }
            mapped.append(field.getKey(), value);
        }
        return mapped;
    }

    private BsonDocument facets(BsonDocument facets) {
        BsonDocument mapped = new BsonDocument();
        facets.forEach((facet, stages) -> mapped.append(facet, stages.isArray() ? pipeline(stages.asArray()) : stages));
        return mapped;
    }

    private BsonString collection(BsonString source) {
        Namespace target = mapping.map(Namespace.of(view.database(), source.getValue()));
        if (!target.database().equals(targetDatabase)) {
            throw new ConfigurationException("view " + view + " reads " + view.database() + "." + source.getValue()
                + ", which the mapping sends to " + target + ", another database than the view's " + targetDatabase
                + "; map them to the same database");
        }
        return new BsonString(target.collection());
    }
}
