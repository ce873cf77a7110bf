package org.mbmskeys.features.livingdocs;

import org.mbmskeys.steps.ScenarioId;
import java.util.List;
import java.util.Map;

/**
 * One feature's page, grouped as the file is: the Feature's description, then each Rule with the clauses
 * it cites and its examples, each example with its result on every backend and, when the scenario left
 * one, its ladder. Every run is a table row carrying {@code data-scenario} and one {@code data-<backend>}
 * status, for tests and for anyone scripting against the page.
 */
final class FeaturePage {

    /** A rendered ladder: the SVG's path from the site root, and what it shows ("native and spring"). */
    record Figure(String src, String caption) {
    }

    private FeaturePage() {
    }

    /** The page's path from the site root: {@code features/ue/msk-request.html}. */
    static String path(FeatureDoc feature) {
        return "features/" + feature.id() + ".html";
    }

    static String html(FeatureDoc feature, Site site, Map<ScenarioId, List<Figure>> ladders) {
        String root = "../".repeat((int) path(feature).chars().filter(c -> c == '/').count());
        StringBuilder out = new StringBuilder()
                .append("<h1><span class=\"keyword\">Feature:</span> ").append(Html.text(feature.name())).append("</h1>\n")
                .append("<p class=\"path\">").append(Html.text(feature.path()));
        for (String tag : feature.tags()) {
            out.append(" <span class=\"tag\">").append(Html.text(tag)).append("</span>");
        }
        out.append("</p>\n<div class=\"description\">").append(Html.prose(feature.description())).append("</div>\n")
                .append(background(feature.background()));
        out.append(IndexPage.summary(feature.runs(), site)).append('\n');
        boolean looseTable = false;
        for (FeatureDoc.Child child : feature.children()) {
            if (child instanceof FeatureDoc.Rule rule) {
                if (looseTable) {
                    out.append("</tbody></table>\n");
                    looseTable = false;
                }
                out.append("<section class=\"rule\" id=\"L").append(rule.line()).append("\">\n<h2><span class=\"keyword\">Rule:</span> ")
                        .append(Html.inline(rule.name())).append(clauses(Clause.citedIn(rule.name() + "\n" + rule.description()), root))
                        .append("</h2>\n<div class=\"description\">").append(Html.prose(rule.description())).append("</div>\n")
                        .append(background(rule.background()));
                out.append(tableHead(site));
                for (FeatureDoc.Example e : rule.examples()) {
                    out.append(example(e, site, ladders, root));
                }
                out.append("</tbody></table>\n</section>\n");
            } else if (child instanceof FeatureDoc.Example e) {
                if (!looseTable) {
                    out.append(tableHead(site));
                    looseTable = true;
                }
                out.append(example(e, site, ladders, root));
            }
        }
        if (looseTable) {
            out.append("</tbody></table>\n");
        }
        return Html.page("Feature: " + feature.name(), root, out.toString());
    }

    private static String tableHead(Site site) {
        StringBuilder out = new StringBuilder("<table class=\"examples\"><thead><tr><th>Example</th>");
        site.backends().forEach(b -> out.append("<th>").append(Html.text(b.backend())).append("</th>"));
        return out.append("</tr></thead><tbody>\n").toString();
    }

    private static String example(FeatureDoc.Example e, Site site, Map<ScenarioId, List<Figure>> ladders, String root) {
        int columns = site.backends().size() + 1;
        StringBuilder out = new StringBuilder();
        String title = "<span class=\"keyword\">" + Html.text(e.keyword()) + ":</span> " + Html.inline(e.name())
                + clauses(Clause.citedIn(e.name() + "\n" + e.description()), root);
        if (!e.isOutline()) {
            out.append(runRow(e.id(), title + details(e), site)).append(ladders(e.id(), e.name(), ladders, root, columns));
        } else {
            out.append("<tr class=\"outline\" id=\"L").append(e.id().line()).append("\"><td colspan=\"").append(columns)
                    .append("\">").append(title).append(details(e)).append("</td></tr>\n");
            String header = String.join(" | ", e.header());
            for (FeatureDoc.Row row : e.rows()) {
                String label = "<span class=\"row\">" + (row.title().isBlank() ? "" : Html.text(row.title()) + ": ")
                        + "<code>" + Html.text(String.join(" | ", row.cells())) + "</code></span>"
                        + (header.isBlank() ? "" : " <span class=\"header\">(" + Html.text(header) + ")</span>");
                out.append(runRow(row.id(), label, site))
                        .append(ladders(row.id(), e.name() + ": " + String.join(" | ", row.cells()), ladders, root, columns));
            }
        }
        return out.toString();
    }

    /** The ladder rows of one run, right under its row. */
    private static String ladders(ScenarioId id, String label, Map<ScenarioId, List<Figure>> ladders, String root, int columns) {
        StringBuilder out = new StringBuilder();
        for (Figure f : ladders.getOrDefault(id, List.of())) {
            out.append("<tr class=\"ladder\" data-scenario-ladder=\"").append(Html.text(id.toString())).append("\"><td colspan=\"")
                    .append(columns).append("\"><figure><img src=\"").append(root).append(Html.text(f.src()))
                    .append("\" alt=\"messages of ").append(Html.text(label)).append("\"/><figcaption>")
                    .append(Html.text(f.caption())).append("</figcaption></figure></td></tr>\n");
        }
        return out.toString();
    }

    /** A Background's steps, folded: they run before every example below them. */
    private static String background(List<FeatureDoc.Step> steps) {
        if (steps.isEmpty()) {
            return "";
        }
        return "<details class=\"background\"><summary>Background: run before every example below</summary>"
                + stepsText(steps) + "</details>\n";
    }

    private static String runRow(ScenarioId id, String label, Site site) {
        StringBuilder out = new StringBuilder("<tr class=\"run\" id=\"L").append(id.line()).append("\" data-scenario=\"")
                .append(Html.text(id.toString())).append('"');
        site.backends().forEach(b -> out.append(" data-").append(Html.text(b.backend())).append("=\"")
                .append(b.of(id).status().word()).append('"'));
        out.append("><td>").append(label).append("</td>");
        site.backends().forEach(b -> out.append(Html.statusCell(b.backend(), b.of(id))));
        return out.append("</tr>\n").toString();
    }

    private static String details(FeatureDoc.Example e) {
        StringBuilder out = new StringBuilder("<details class=\"steps\"><summary>steps</summary>");
        if (!e.description().isBlank()) {
            out.append("<div class=\"description\">").append(Html.prose(e.description())).append("</div>");
        }
        return out.append(stepsText(e.steps())).append("</details>").toString();
    }

    private static String stepsText(List<FeatureDoc.Step> steps) {
        StringBuilder out = new StringBuilder("<pre>");
        for (FeatureDoc.Step s : steps) {
            out.append("<b>").append(Html.text(s.keyword())).append("</b> ").append(Html.text(s.text())).append('\n');
            if (!s.argument().isEmpty()) {
                s.argument().lines().forEach(l -> out.append("    ").append(Html.text(l)).append('\n'));
            }
        }
        return out.append("</pre>").toString();
    }

    /** Clause badges linking to the coverage table. */
    static String clauses(List<Clause> clauses, String root) {
        StringBuilder out = new StringBuilder();
        for (Clause c : clauses) {
            out.append(" <a class=\"clause\" href=\"").append(root).append("coverage.html#").append(Html.text(c.anchor()))
                    .append("\">").append(Html.text(c.label())).append("</a>");
        }
        return out.toString();
    }
}
