package org.mbmskeys.features.livingdocs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which clause is cited where: for every clause referenced in a Rule's name or description, a scenario's
 * name or description, or a procedure's spec reference or description, the rules, scenarios and
 * procedures that cite it. A scenario counts for the clauses its rule cites (it is an example of that
 * rule) and for those it cites itself. Clauses in specification order ({@link Clause}).
 */
final class CoverageTable {

    private CoverageTable() {
    }

    /** A rule of a feature. */
    record RuleRef(FeatureDoc feature, FeatureDoc.Rule rule) {
    }

    /** An example of a feature; {@code viaRule} if only its rule cites the clause. */
    record ExampleRef(FeatureDoc feature, FeatureDoc.Example example, boolean viaRule) {
    }

    /** One row of the table. */
    record Row(Clause clause, List<RuleRef> rules, List<ExampleRef> examples, List<ProcedureDoc> procedures) {
    }

    static List<Row> of(List<FeatureDoc> features, List<ProcedureDoc> procedures) {
        Map<Clause, Row> rows = new TreeMap<>();
        for (FeatureDoc feature : features) {
            for (FeatureDoc.Child child : feature.children()) {
                if (child instanceof FeatureDoc.Rule rule) {
                    List<Clause> ruleClauses = Clause.citedIn(rule.name() + "\n" + rule.description());
                    for (Clause c : ruleClauses) {
                        row(rows, c).rules().add(new RuleRef(feature, rule));
                    }
                    for (FeatureDoc.Example e : rule.examples()) {
                        List<Clause> own = Clause.citedIn(e.name() + "\n" + e.description());
                        for (Clause c : ruleClauses) {
                            row(rows, c).examples().add(new ExampleRef(feature, e, !own.contains(c)));
                        }
                        own.stream().filter(c -> !ruleClauses.contains(c))
                                .forEach(c -> row(rows, c).examples().add(new ExampleRef(feature, e, false)));
                    }
                } else if (child instanceof FeatureDoc.Example e) {
                    for (Clause c : Clause.citedIn(e.name() + "\n" + e.description())) {
                        row(rows, c).examples().add(new ExampleRef(feature, e, false));
                    }
                }
            }
        }
        for (ProcedureDoc p : procedures) {
            for (Clause c : Clause.citedIn(p.specRef() + "\n" + p.description())) {
                row(rows, c).procedures().add(p);
            }
        }
        return rows.values().stream().map(r -> new Row(r.clause(), List.copyOf(r.rules()), List.copyOf(r.examples()),
                List.copyOf(r.procedures()))).toList();
    }

    private static Row row(Map<Clause, Row> rows, Clause clause) {
        return rows.computeIfAbsent(clause, c -> new Row(c, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
    }
}
