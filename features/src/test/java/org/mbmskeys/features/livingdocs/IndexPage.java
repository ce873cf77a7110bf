package org.mbmskeys.features.livingdocs;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The site's front page: the results of every backend (counts, a bar each, why a backend did not run,
 * links to Cucumber's own reports), the procedures, the features, and the way to the coverage table.
 */
final class IndexPage {

    private IndexPage() {
    }

    /**
     * @param reportLinks per backend, the stock Cucumber HTML report's path from the site root, if it exists
     */
    static String html(Site site, Map<String, String> reportLinks, int clauses) {
        List<FeatureDoc.Run> runs = site.features().stream().flatMap(f -> f.runs().stream()).toList();
        StringBuilder out = new StringBuilder("<h1>mbms-keys living documentation</h1>\n")
                .append("<p>What the engine and the TS 33.246 procedures do, as the features specify it and as the last build ran it: ")
                .append(site.procedures().size()).append(" procedure(s), ").append(site.features().size()).append(" feature(s), ")
                .append(runs.size()).append(" scenario(s) on ").append(site.backends().size())
                .append(" backend(s). How to read this site: <code>docs/living-docs.md</code>.</p>\n");

        out.append("<section id=\"results\"><h2>Results</h2>\n").append(chart(runs, site)).append(summary(runs, site));
        for (ResultReader.BackendResults b : site.backends()) {
            b.unavailable().ifPresent(reason -> out.append("<p class=\"unavailable\">The <b>").append(Html.text(b.backend()))
                    .append("</b> run could not use its backend: ").append(Html.text(reason)).append("</p>\n"));
        }
        out.append("<p>Cucumber's own reports, step by step:");
        if (reportLinks.isEmpty()) {
            out.append(" none were written.");
        }
        reportLinks.forEach((backend, link) -> out.append(" <a class=\"report\" href=\"").append(Html.text(link)).append("\">")
                .append(Html.text(backend)).append("</a>"));
        out.append("</p>\n</section>\n");

        out.append("<section id=\"procedures\"><h2>Procedures</h2>\n");
        site.procedureProblems().ifPresent(p -> out.append("<p class=\"problems\">The procedure scripts under <code>classpath:")
                .append(Html.text(site.procedureFolder())).append("/</code> do not load:</p>\n<pre>").append(Html.text(p)).append("</pre>\n"));
        if (site.procedures().isEmpty() && site.procedureProblems().isEmpty()) {
            out.append("<p class=\"none\">No procedure scripts yet: nothing under <code>classpath:")
                    .append(Html.text(site.procedureFolder())).append("/</code> (<code>procedures/src/main/resources/")
                    .append(Html.text(site.procedureFolder())).append("/**/*.groovy</code>).</p>\n");
        } else if (!site.procedures().isEmpty()) {
            out.append("<table class=\"procedures\"><thead><tr><th>Procedure</th><th>Clause</th><th>What it does</th></tr></thead><tbody>\n");
            for (ProcedureDoc p : site.procedures()) {
                out.append("<tr><td><a href=\"").append(Html.text(ProcedurePage.path(p))).append("\">").append(Html.text(p.name()))
                        .append("</a></td><td>").append(Html.text(p.specRef())).append("</td><td>").append(Html.inline(p.description()))
                        .append("</td></tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");

        out.append("<section id=\"features\"><h2>Features</h2>\n");
        if (site.features().isEmpty()) {
            out.append("<p class=\"none\">No features yet.</p>\n");
        } else {
            out.append("<table class=\"features\"><thead><tr><th>Feature</th><th>File</th><th>Rules</th><th>Scenarios</th>");
            site.backends().forEach(b -> out.append("<th>").append(Html.text(b.backend())).append("</th>"));
            out.append("</tr></thead><tbody>\n");
            for (FeatureDoc f : site.features()) {
                long rules = f.children().stream().filter(c -> c instanceof FeatureDoc.Rule).count();
                out.append("<tr><td><a class=\"feature\" href=\"").append(Html.text(FeaturePage.path(f))).append("\">")
                        .append(Html.text(f.name())).append("</a></td><td class=\"path\">").append(Html.text(f.path()))
                        .append("</td><td>").append(rules).append("</td><td>").append(f.runs().size()).append("</td>");
                for (ResultReader.BackendResults b : site.backends()) {
                    out.append("<td>").append(counts(f.runs(), b)).append("</td>");
                }
                out.append("</tr>\n");
            }
            out.append("</tbody></table>\n");
        }
        out.append("</section>\n");

        out.append("<section id=\"coverage\"><h2>Coverage</h2>\n<p><a href=\"coverage.html\">From TS 33.246 clause to rules, scenarios and procedures</a>: ")
                .append(clauses).append(" clause(s) cited.</p>\n</section>\n");
        return Html.page("mbms-keys living documentation", "", out.toString());
    }

    /** A table of how many of {@code runs} ended how, per backend. */
    static String summary(List<FeatureDoc.Run> runs, Site site) {
        StringBuilder out = new StringBuilder("<table class=\"summary\"><thead><tr><th>backend</th>");
        for (Status s : Status.values()) {
            out.append("<th>").append(s.word()).append("</th>");
        }
        out.append("</tr></thead><tbody>\n");
        for (ResultReader.BackendResults b : site.backends()) {
            Map<Status, Integer> n = tally(runs, b);
            out.append("<tr data-backend=\"").append(Html.text(b.backend())).append("\"><td>").append(Html.text(b.backend())).append("</td>");
            for (Status s : Status.values()) {
                out.append("<td class=\"").append(n.get(s) > 0 ? "status " + s.word() : "zero").append("\">").append(n.get(s)).append("</td>");
            }
            out.append("</tr>\n");
        }
        return out.append("</tbody></table>\n").toString();
    }

    private static String counts(List<FeatureDoc.Run> runs, ResultReader.BackendResults b) {
        Map<Status, Integer> n = tally(runs, b);
        StringBuilder out = new StringBuilder();
        for (Status s : Status.values()) {
            if (n.get(s) > 0) {
                out.append("<span class=\"status ").append(s.word()).append("\">").append(n.get(s)).append(' ').append(s.word()).append("</span> ");
            }
        }
        return out.toString().strip();
    }

    static Map<Status, Integer> tally(List<FeatureDoc.Run> runs, ResultReader.BackendResults b) {
        Map<Status, Integer> n = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            n.put(s, 0);
        }
        runs.forEach(r -> n.merge(b.of(r.id()).status(), 1, Integer::sum));
        return n;
    }

    /** One horizontal bar per backend, split by status: an inline SVG, so the page needs nothing else. */
    static String chart(List<FeatureDoc.Run> runs, Site site) {
        int width = 480;
        int bar = 22;
        int height = Math.max(1, site.backends().size()) * (bar + 10) + 4;
        StringBuilder out = new StringBuilder("<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(width + 90).append("\" height=\"").append(height).append("\" role=\"img\" aria-label=\"results per backend\">");
        int y = 4;
        for (ResultReader.BackendResults b : site.backends()) {
            Map<Status, Integer> n = tally(runs, b);
            out.append("<text x=\"0\" y=\"").append(y + 16).append("\">").append(Html.text(b.backend())).append("</text>");
            double x = 80;
            for (Status s : Status.values()) {
                double w = runs.isEmpty() ? 0 : width * (double) n.get(s) / runs.size();
                if (w > 0) {
                    out.append(String.format(java.util.Locale.ROOT,
                            "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"><title>%d %s</title></rect>",
                            s.word(), x, y, w, bar, n.get(s), s.word()));
                    x += w;
                }
            }
            if (runs.isEmpty()) {
                out.append("<rect class=\"missing\" x=\"80\" y=\"").append(y).append("\" width=\"").append(width)
                        .append("\" height=\"").append(bar).append("\"><title>no scenarios</title></rect>");
            }
            y += bar + 10;
        }
        return out.append("</svg>\n").toString();
    }
}
