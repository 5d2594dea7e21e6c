package io.ddt.testkit.internal.server;

import java.util.List;
import java.util.Map;

import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.BsonValue;

/**
 * Rewrites {@code $type} in queries into names the engine knows: {@code "number"} becomes its
 * four numeric types, and the deprecated types the engine has no name for (undefined, symbol,
 * DBPointer, JavaScript with and without scope) are dropped, since the fake stores such values
 * as wrapped documents that no {@code $type} can tell apart. A real member accepts all of these;
 * without the rewrite the engine would reject the whole query.
 */
final class TypeAliases {

    private static final List<String> UNKNOWN = List.of("undefined", "symbol", "dbPointer", "javascript",
        "javascriptWithScope");
    private static final List<Integer> UNKNOWN_CODES = List.of(6, 12, 13, 14, 15);
    private static final Map<String, List<String>> EXPANDED = Map.of("number", List.of("double", "int", "long", "decimal"));

    private TypeAliases() {
    }

    static BsonDocument rewrite(BsonDocument query) {
        if (query == null || !query.toJson().contains("$type")) {
            return query;
        }
        return rewriteDocument(query);
    }

    private static BsonDocument rewriteDocument(BsonDocument document) {
        BsonDocument result = new BsonDocument();
        for (Map.Entry<String, BsonValue> entry : document.entrySet()) {
            result.append(entry.getKey(), entry.getKey().equals("$type") ? types(entry.getValue()) : rewriteValue(entry.getValue()));
        }
        return result;
    }

    private static BsonValue rewriteValue(BsonValue value) {
        if (value.isDocument()) {
            return rewriteDocument(value.asDocument());
        }
        if (value.isArray()) {
            BsonArray array = new BsonArray();
            value.asArray().forEach(element -> array.add(rewriteValue(element)));
            return array;
        }
        return value;
    }

    private static BsonValue types(BsonValue value) {
        BsonArray result = new BsonArray();
        for (BsonValue type : value.isArray() ? value.asArray() : new BsonArray(List.of(value))) {
            if (type.isString() && EXPANDED.containsKey(type.asString().getValue())) {
                EXPANDED.get(type.asString().getValue()).forEach(name -> result.add(new BsonString(name)));
            } else if (!(type.isString() && UNKNOWN.contains(type.asString().getValue()))
                && !(type.isNumber() && UNKNOWN_CODES.contains(type.asNumber().intValue()))) {
                result.add(type);
            }
        }
        return result.size() == 1 ? result.get(0) : result;
    }
}
