package org.mbmskeys.features.livingdocs;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writing the site's HTML: escaping (every text that reaches a page goes through {@link #text}), the page
 * frame, and the little formatting the features' prose uses. Pages are well-formed XML as well as HTML5
 * (every element closed, only the XML entities), so tests can read them with an XML parser.
 */
final class Html {

    private static final Pattern CODE = Pattern.compile("`([^`\\n]+)`");

    private Html() {
    }

    /** {@code s} escaped for element content and attribute values. */
    static String text(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    // control characters are not allowed in XML 1.0; show them, do not drop them silently
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        out.append("\\u").append(String.format("%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Prose as written in a feature or script: paragraphs at blank lines, {@code `code`} as code, the rest
     * escaped.
     */
    static String prose(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String paragraph : s.strip().split("\\n\\s*\\n")) {
            out.append("<p>").append(inline(paragraph.strip())).append("</p>\n");
        }
        return out.toString();
    }

    /** One line of prose: escaped, with {@code `code`} as code. */
    static String inline(String s) {
        String escaped = text(s);
        Matcher m = CODE.matcher(escaped);
        return m.replaceAll(r -> Matcher.quoteReplacement("<code>" + r.group(1) + "</code>"));
    }

    /**
     * A whole page.
     *
     * @param root the way from the page to the site's root folder: {@code ""}, {@code "../"}, ...
     */
    static String page(String title, String root, String body) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<title>" + text(title) + "</title>\n"
                + "<link rel=\"stylesheet\" href=\"" + root + "style.css\"/>\n</head>\n<body>\n"
                + "<nav><a href=\"" + root + "index.html\">mbms-keys living documentation</a>"
                + " <a href=\"" + root + "index.html#procedures\">Procedures</a>"
                + " <a href=\"" + root + "index.html#features\">Features</a>"
                + " <a href=\"" + root + "coverage.html\">TS 33.246 coverage</a></nav>\n"
                + "<main>\n" + body + "</main>\n</body>\n</html>\n";
    }

    /** A status as a labelled cell, e.g. {@code <td class="status passed">passed</td>}, with the detail below. */
    static String statusCell(String backend, ResultReader.Result result) {
        String word = result.status().word();
        StringBuilder out = new StringBuilder("<td class=\"status ").append(word).append("\" data-backend=\"")
                .append(text(backend)).append("\">");
        if (result.detail().isBlank()) {
            out.append(word);
        } else {
            out.append("<details><summary>").append(word).append("</summary><pre>").append(text(result.detail()))
                    .append("</pre></details>");
        }
        return out.append("</td>").toString();
    }

    /** Text with line numbers, each line addressable as {@code #L12}. */
    static String numbered(String source) {
        List<String> lines = source.lines().toList();
        int width = String.valueOf(Math.max(1, lines.size())).length();
        StringBuilder out = new StringBuilder("<pre class=\"code\">");
        for (int i = 0; i < lines.size(); i++) {
            String n = String.valueOf(i + 1);
            out.append("<span class=\"line\" id=\"L").append(n).append("\"><span class=\"ln\">")
                    .append(" ".repeat(width - n.length())).append(n).append("</span>")
                    .append(text(lines.get(i))).append("</span>");
        }
        return out.append("</pre>\n").toString();
    }
}
