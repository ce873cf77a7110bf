package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The table from clause to the rules, scenarios and procedures that cite it ({@link CoverageTable}). */
final class CoveragePage {

    private CoveragePage() {
    }

    static String html(List<CoverageTable.Row> rows, Site site) {
        StringBuilder out = new StringBuilder("<h1>Coverage by clause</h1>\n<p>Every clause that a Rule (name or description), "
                + "an Example, or a procedure's <code>spec</code> or description cites, with what cites it. An example counts "
                + "for the clauses of its rule (marked <i>via rule</i>) and for those it cites itself. A clause nobody cites is not listed. "
                + "Results per backend are those of the examples in the row.</p>\n");
        if (rows.isEmpty()) {
            out.append("<p class=\"none\">No clause is cited yet.</p>\n");
            return Html.page("Coverage by clause", "", out.toString());
        }
        out.append("<table class=\"coverage\"><thead><tr><th>Clause</th><th>Rules</th><th>Examples</th><th>Procedures</th>");
        site.backends().forEach(b -> out.append("<th>").append(Html.text(b.backend())).append("</th>"));
        out.append("</tr></thead><tbody>\n");
        String document = null;
        int columns = 4 + site.backends().size();
        for (CoverageTable.Row row : rows) {
            if (!row.clause().document().equals(document)) {
                document = row.clause().document();
                out.append("<tr class=\"document\"><th colspan=\"").append(columns).append("\">").append(Html.text(document)).append("</th></tr>\n");
            }
            out.append("<tr id=\"").append(Html.text(row.clause().anchor())).append("\"><td class=\"clause\">")
                    .append(Html.text(row.clause().clause())).append("</td><td><ul>");
            for (CoverageTable.RuleRef r : row.rules()) {
                out.append("<li><a href=\"").append(Html.text(FeaturePage.path(r.feature()))).append("#L").append(r.rule().line())
                        .append("\">").append(Html.text(r.rule().name())).append("</a> <span class=\"path\">")
                        .append(Html.text(r.feature().path())).append("</span></li>");
            }
            out.append("</ul></td><td><ul>");
            for (CoverageTable.ExampleRef e : row.examples()) {
                out.append("<li><a href=\"").append(Html.text(FeaturePage.path(e.feature()))).append("#L").append(e.example().id().line())
                        .append("\">").append(Html.text(e.example().name())).append("</a>")
                        .append(e.viaRule() ? " <i>via rule</i>" : "").append("</li>");
            }
            out.append("</ul></td><td><ul>");
            for (ProcedureDoc p : row.procedures()) {
                out.append("<li><a href=\"").append(Html.text(ProcedurePage.path(p))).append("\">").append(Html.text(p.name()))
                        .append("</a></li>");
            }
            out.append("</ul></td>");
            Set<ScenarioId> runs = new LinkedHashSet<>();
            row.examples().forEach(e -> e.example().runs().forEach(r -> runs.add(r.id())));
            List<FeatureDoc.Run> runList = runs.stream().map(id -> new FeatureDoc.Run(id, "")).toList();
            for (ResultReader.BackendResults b : site.backends()) {
                var n = IndexPage.tally(runList, b);
                StringBuilder cell = new StringBuilder();
                for (Status s : Status.values()) {
                    if (n.get(s) > 0) {
                        cell.append("<span class=\"status ").append(s.word()).append("\">").append(n.get(s)).append(' ')
                                .append(s.word()).append("</span> ");
                    }
                }
                out.append("<td>").append(cell.toString().strip()).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table>\n");
        return Html.page("Coverage by clause", "", out.toString());
    }
}
