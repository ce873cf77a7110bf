package org.mbmskeys.features.livingdocs;

/**
 * One procedure's page: name, version, description, the clause it implements, its state diagram (an SVG
 * beside the page) and its script with line numbers.
 */
final class ProcedurePage {

    private ProcedurePage() {
    }

    /** The page's path from the site root: {@code procedures/<name>.html}. */
    static String path(ProcedureDoc p) {
        return "procedures/" + p.slug() + ".html";
    }

    /** The diagram's path from the site root: {@code procedures/<name>.svg}. */
    static String diagram(ProcedureDoc p) {
        return "procedures/" + p.slug() + ".svg";
    }

    static String html(ProcedureDoc p) {
        String root = "../";
        StringBuilder out = new StringBuilder("<h1><span class=\"keyword\">Procedure</span> ").append(Html.text(p.name()))
                .append("</h1>\n<p class=\"path\">").append(Html.text(p.file())).append(", version ").append(p.version()).append("</p>\n")
                .append("<div class=\"description\">").append(Html.prose(p.description())).append("</div>\n")
                .append("<p>Implements <span class=\"spec\">").append(Html.text(p.specRef())).append("</span>")
                .append(FeaturePage.clauses(Clause.citedIn(p.specRef()), root)).append(".</p>\n")
                .append("<h2>States</h2>\n<figure class=\"diagram\"><img src=\"").append(Html.text(p.slug())).append(".svg\" alt=\"state diagram of ")
                .append(Html.text(p.name())).append("\"/><figcaption>Drawn at build time from the compiled definition "
                        + "(the engine's PlantUML writer). Entry, exit and transition actions are code and are in the script below.</figcaption></figure>\n")
                .append("<h2>Script</h2>\n").append(Html.numbered(p.script()));
        return Html.page("Procedure " + p.name(), root, out.toString());
    }
}
